// Dock appointments: each site's dock doors and time slots, and the carriers booked into them.
export { registerDockRoutes } from './dock.routes.js';
export type * from './dock.tables.js';
