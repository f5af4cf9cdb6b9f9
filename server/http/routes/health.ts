import type { FastifyInstance } from 'fastify';
import type { Store } from '../../store/store';

export function healthRoutes(app: FastifyInstance, store: Store): void {
  app.get('/health', async (_request, reply) => {
    try {
      await store.db.query('SELECT 1');
      return { status: 'ok', database: store.db.kind };
    } catch (error) {
      app.log.error({ err: error }, 'health check: database unreachable');
      return reply.code(503).send({ error: 'database unreachable' });
    }
  });
}
