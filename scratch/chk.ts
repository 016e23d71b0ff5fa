import { compileChecker } from '../src/main/core/store/recordCheck';
import { recordSchemas, instantSchema, localDateSchema, settingsSchema } from '../src/shared/schema';
for (const [k, s] of Object.entries(recordSchemas)) console.log(k, compileChecker(s as any) !== null);
console.log(instantSchema.safeParse('2026-11-22T10:00:00+02:00'), instantSchema.safeParse('0000-01-01T00:30:00+01:00').error?.issues[0]?.message, instantSchema.safeParse('9999-12-31T23:00:00-02:00').error?.issues.map(i=>i.message), instantSchema.safeParse('garbage').error?.issues.map(i=>i.message));
console.log(localDateSchema.safeParse('0000-01-01').error?.issues.map(i=>i.message));
