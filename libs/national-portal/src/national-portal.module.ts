import { Module } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { NationalPortalConfig } from '@dvc/config';
import { DossiersModule } from '@dvc/dossiers';
import { OutboxModule } from '@dvc/outbox';
import { PortalClient } from './portal-client';
import { PortalSyncStateEntity } from './portal-sync-state.entity';
import { PORTAL_CLIENT, PortalSyncService } from './portal-sync.service';

@Module({
  imports: [TypeOrmModule.forFeature([PortalSyncStateEntity]), DossiersModule, OutboxModule],
  providers: [
    PortalSyncService,
    { provide: PORTAL_CLIENT, inject: [NationalPortalConfig], useFactory: (c: NationalPortalConfig) => new PortalClient({ baseUrl: c.url, token: c.token }) },
  ],
  exports: [PortalSyncService],
})
export class NationalPortalModule {}
