import { JobSchedules } from './job-schedules';

describe('JobSchedules', () => {
  it('creates every registered schedule, and refuses a name twice', async () => {
    const schedules = new JobSchedules();
    const created: string[] = [];
    schedules.register('payments', async () => void created.push('payments'));
    schedules.register('deadlines', async () => void created.push('deadlines'));
    expect(() => schedules.register('payments', async () => undefined)).toThrow(/registered twice/);
    await schedules.createAll();
    expect(created.sort()).toEqual(['deadlines', 'payments']);
    expect(schedules.names()).toEqual(['payments', 'deadlines']);
  });
});
