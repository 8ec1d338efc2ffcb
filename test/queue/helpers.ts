/**
 * Shared by the queue-mode tests: the example workflows started by a production webhook instead of
 * a manual trigger (n8n `execute` runs in-process; in queue mode a webhook-started execution goes
 * through Redis to a worker).
 */
import { readFileSync } from 'node:fs';
import path from 'node:path';

import { nodeType } from '../../tools/harness/n8n';

export const EXAMPLES_DIR = path.join(__dirname, '..', '..', 'examples');

export interface Workflow {
	id: string;
	name: string;
	active: boolean;
	nodes: Array<Record<string, any> & { name: string; type: string }>;
	connections: Record<string, any>;
	[key: string]: unknown;
}

/**
 * An example workflow whose manual trigger is replaced by a Webhook node (POST, answered at once)
 * at `/webhook/<path>`; the node keeps the trigger's name, so the connections stay as they are.
 */
export function webhookStarted(file: string, webhookPath: string): Workflow {
	const workflow = JSON.parse(readFileSync(path.join(EXAMPLES_DIR, file), 'utf8')) as Workflow;
	workflow.nodes = workflow.nodes.map((node) =>
		node.type === 'n8n-nodes-base.manualTrigger'
			? {
					...node,
					type: 'n8n-nodes-base.webhook',
					typeVersion: 2,
					webhookId: webhookPath,
					parameters: {
						httpMethod: 'POST',
						path: webhookPath,
						responseMode: 'onReceived',
						options: {},
					},
				}
			: node,
	);
	workflow.active = false;
	return workflow;
}

/** The package's nodes in a workflow (custom extension types). */
export function packageNodes(workflow: Workflow) {
	return workflow.nodes.filter((node) => node.type.startsWith(nodeType('')));
}

/**
 * A loopback stand-in for a workflow's actions: an HTTP Request node posts each item's `eventId`
 * here, so "reached the actions" is counted where an action would happen.
 */
export async function startActionSink(): Promise<{
	url: string;
	counts: Map<string, number>;
	total(): number;
	stop(): Promise<void>;
}> {
	const http = await import('node:http');
	const counts = new Map<string, number>();
	const server = http.createServer((req, res) => {
		const chunks: Buffer[] = [];
		req.on('data', (c: Buffer) => chunks.push(c));
		req.on('end', () => {
			try {
				const id = String(JSON.parse(Buffer.concat(chunks).toString('utf8')).eventId);
				counts.set(id, (counts.get(id) ?? 0) + 1);
			} catch {
				// not ours
			}
			res.writeHead(200, { 'content-type': 'application/json' }).end('{}');
		});
	});
	await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
	const { port } = server.address() as { port: number };
	return {
		url: `http://127.0.0.1:${port}/action`,
		counts,
		total: () => [...counts.values()].reduce((a, b) => a + b, 0),
		stop: () => new Promise<void>((resolve) => server.close(() => resolve())),
	};
}

/** How often each event reached the actions, summed up: every event should be `once`. */
export function reached(counts: Map<string, number>, ids: string[]) {
	const n = ids.map((id) => counts.get(id) ?? 0);
	return {
		events: ids.length,
		once: n.filter((c) => c === 1).length,
		never: n.filter((c) => c === 0).length,
		moreThanOnce: n.filter((c) => c > 1).length,
		extraRuns: n.reduce((sum, c) => sum + Math.max(0, c - 1), 0),
	};
}

export const exactlyOnce = (events: number) => ({
	events,
	once: events,
	never: 0,
	moreThanOnce: 0,
	extraRuns: 0,
});
