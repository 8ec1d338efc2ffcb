/**
 * `npm start`: a real n8n on http://localhost:5678 with this package loaded, every vendor simulator
 * on loopback, demo credentials pointing at them, the example workflows imported and an owner
 * account ready to log in with.
 */
import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';

import { N8N_VERSION, REPO_ROOT } from '../../tools/harness/env';
import { N8n } from '../../tools/harness/n8n';
import { N8nServer, OWNER } from '../../tools/harness/server';
import { startAllSimulators } from '../../tools/simulators';

const PORT = Number(process.env.N8N_PORT ?? 5678);

async function main() {
	const simulators = await startAllSimulators();
	for (const { name, url } of simulators) console.log(`simulator ${name.padEnd(11)} ${url}`);

	const n8n = await N8n.create('demo');
	await n8n.importCredentials(simulators.map((s) => s.credential));
	const examplesDir = path.join(REPO_ROOT, 'examples');
	const examples = readdirSync(examplesDir)
		.filter((f) => f.endsWith('.json'))
		.map((f) => JSON.parse(readFileSync(path.join(examplesDir, f), 'utf8')));
	await n8n.importWorkflows(examples);
	console.log(
		`imported ${examples.length} example workflows and ${simulators.length} demo credentials`,
	);

	const server = await N8nServer.start(n8n, { port: PORT });
	console.log(`\nn8n ${N8N_VERSION} is running on http://localhost:${PORT}`);
	console.log(
		`log in as ${OWNER.email} / ${OWNER.password}; the example workflows are under Workflows.`,
	);
	console.log('Ctrl-C stops n8n and the simulators.\n');

	const stop = async () => {
		await server.stop();
		await Promise.all(simulators.map((s) => s.simulator.stop()));
		process.exit(0);
	};
	process.on('SIGINT', stop);
	process.on('SIGTERM', stop);
}

main().catch((error) => {
	console.error(error);
	process.exit(1);
});
