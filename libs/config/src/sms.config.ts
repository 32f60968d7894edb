import { IsIn, IsInt, IsString, Max, Min, Matches } from 'class-validator';
import { EnvVar } from './env-var';

export class SmsConfig {
  @EnvVar('SMS_PROVIDER')
  @IsIn(['smpp', 'http', 'log'], { message: 'must be one of smpp, http, log' })
  provider: string = 'smpp';

  /** Default sender id (brandname); agencies may have their own. */
  @EnvVar('SMS_BRANDNAME')
  @Matches(/^[A-Za-z0-9 ._-]{1,11}$/, { message: 'must be 1–11 letters, digits, space . _ or -' })
  brandname: string = 'HANOI-DVC';

  @EnvVar('SMPP_HOST')
  @IsString()
  smppHost: string = '127.0.0.1';

  @EnvVar('SMPP_PORT')
  @IsInt({ message: 'must be a whole number' })
  @Min(1)
  @Max(65535)
  smppPort: number = 2775;

  @EnvVar('SMPP_SYSTEM_ID')
  @IsString()
  smppSystemId: string = 'dvc';

  @EnvVar('SMPP_PASSWORD')
  @IsString()
  smppPassword: string = 'dvcpass';

  /**
   * How a message longer than one SMS goes over SMPP: one submit_sm with the message_payload TLV (the centre splits
   * it), or concatenated parts with a user data header (IEI 0x00, 8-bit reference), for centres without
   * message_payload.
   */
  @EnvVar('SMPP_LONG_MESSAGES')
  @IsIn(['payload', 'udh'], { message: 'must be one of payload, udh' })
  smppLongMessages: 'payload' | 'udh' = 'payload';

  @EnvVar('SMS_HTTP_URL')
  @Matches(/^https?:\/\/[^\s]+$/, { message: 'must be an http(s) URL' })
  httpUrl: string = 'http://127.0.0.1:2776/brandname/send';

  @EnvVar('SMS_HTTP_USERNAME')
  @IsString()
  httpUsername: string = 'dvc';

  @EnvVar('SMS_HTTP_PASSWORD')
  @IsString()
  httpPassword: string = 'dvcpass';

  /** Attempts per message before it is marked failed (exponential backoff between them). */
  @EnvVar('SMS_MAX_ATTEMPTS')
  @IsInt({ message: 'must be a whole number' })
  @Min(1)
  @Max(50)
  maxAttempts: number = 8;

  @EnvVar('SMS_BACKOFF_MS')
  @IsInt({ message: 'must be a whole number' })
  @Min(10)
  backoffMs: number = 2000;

  /** No wait between attempts is longer (the default leaves the default 8 attempts' schedule as it was). */
  @EnvVar('SMS_BACKOFF_MAX_MS')
  @IsInt({ message: 'must be a whole number' })
  @Min(10)
  backoffMaxMs: number = 300_000;

  @EnvVar('SMS_CONCURRENCY')
  @IsInt({ message: 'must be a whole number' })
  @Min(1)
  @Max(200)
  concurrency: number = 10;

  @EnvVar('SMS_RATE_PER_SECOND')
  @IsInt({ message: 'must be a whole number' })
  @Min(1)
  ratePerSecond: number = 50;

  /** Non-urgent notices are held between these local times (Asia/Ho_Chi_Minh). */
  @EnvVar('SMS_QUIET_HOURS')
  @Matches(/^([01]\d|2[0-3]):[0-5]\d-([01]\d|2[0-3]):[0-5]\d$/, { message: 'must look like 21:00-07:00' })
  quietHours: string = '21:00-07:00';

  @EnvVar('SMS_SIMULATOR_SMPP_PORT')
  @IsInt({ message: 'must be a whole number' })
  @Min(0)
  @Max(65535)
  simulatorSmppPort: number = 2775;

  @EnvVar('SMS_SIMULATOR_HTTP_PORT')
  @IsInt({ message: 'must be a whole number' })
  @Min(0)
  @Max(65535)
  simulatorHttpPort: number = 2776;

  /** How often the outbox relay looks for new rows when idle. */
  @EnvVar('OUTBOX_POLL_MS')
  @IsInt({ message: 'must be a whole number' })
  @Min(10)
  outboxPollMs: number = 200;
}
