// `npm run create-user -- <email> <role> "<name>" [customerId]`: the first admin of a production
// database (demo data off), or any other user. The password comes from BOOMERANG_PASSWORD so it
// never appears in the shell history or the process list.
import { ROLES, RoleSchema } from '../contracts/common.js';
import { createUser, findUserIdByEmail } from '../identity/index.js';
import { findCustomer } from '../masterdata/index.js';
import { systemContext } from '../platform/actor.js';
import { readConfig } from '../server/config.js';
import { startPlatform } from '../server/platform.js';

const [email, role, name, customerId] = process.argv.slice(2);
const password = process.env.BOOMERANG_PASSWORD ?? '';
const parsedRole = RoleSchema.safeParse(role);
if (!email || !parsedRole.success || !name || password.length < 12) {
  console.error(`usage: BOOMERANG_PASSWORD=<at least 12 characters> npm run create-user -- <email> <role> "<name>" [customerId]
roles: ${ROLES.join(', ')}; customerId is required for role customer`);
  process.exit(2);
}
if ((parsedRole.data === 'customer') !== Boolean(customerId)) {
  console.error('a customer user needs a customerId, and only a customer user may have one');
  process.exit(2);
}

const platform = await startPlatform({ databaseUrl: readConfig().databaseUrl });
try {
  if (await findUserIdByEmail(platform, email)) throw new Error(`a user with e-mail ${email} already exists`);
  if (customerId && !(await findCustomer(platform.db, customerId))) {
    throw new Error(`customer ${customerId} does not exist`);
  }
  const id = await createUser(platform, systemContext('create-user'), {
    email,
    role: parsedRole.data,
    name,
    customerId: customerId ?? null,
    password,
  });
  console.log(`created ${parsedRole.data} ${email} (${id})`);
} catch (error) {
  console.error(`create-user failed: ${(error as Error).message}`);
  process.exitCode = 1;
} finally {
  await platform.close();
}
