import type { FastifyInstance } from 'fastify';
import type { AppContext } from '../../lib/context';

// Routes of this part of the supervision loop: filled in by the feature.
export function warningRoutes(_app: FastifyInstance, _ctx: AppContext) {}
