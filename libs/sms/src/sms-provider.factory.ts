import type { SmsConfig } from '@dvc/config';
import { HttpBrandnameProvider } from './providers/http-brandname.provider';
import { LogProvider } from './providers/log.provider';
import { SmppProvider } from './providers/smpp.provider';
import type { SmsProvider } from './providers/sms-provider';

export function createSmsProvider(config: SmsConfig): SmsProvider {
  switch (config.provider) {
    case 'smpp':
      return new SmppProvider({
        host: config.smppHost,
        port: config.smppPort,
        systemId: config.smppSystemId,
        password: config.smppPassword,
        longMessages: config.smppLongMessages,
      });
    case 'http':
      return new HttpBrandnameProvider({ url: config.httpUrl, username: config.httpUsername, password: config.httpPassword });
    default:
      return new LogProvider();
  }
}
