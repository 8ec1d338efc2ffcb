/**
 * `npm start`: a real n8n on http://localhost:5678 with this package loaded, every vendor simulator
 * on loopback, demo credentials pointing at them and the example workflows imported.
 */
import { spawn } from 'node:child_process';
import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';

import { N8N_BIN, NODE24_BIN, REPO_ROOT } from '../harness/env';
import { N8n } from '../harness/n8n';
import { startAllSimulators } from '../simulators';

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
	console.log(`imported ${examples.length} example workflows and ${simulators.length} demo credentials`);

	const server = spawn(path.join(NODE24_BIN, 'node'), [N8N_BIN, 'start'], {
		env: n8n.env({
			N8N_PORT: String(PORT),
			N8N_LISTEN_ADDRESS: '127.0.0.1',
			WEBHOOK_URL: `http://127.0.0.1:${PORT}/`,
		}),
		cwd: n8n.home,
		stdio: 'inherit',
	});
	console.log(`\nn8n is starting on http://localhost:${PORT} — create the owner account on first visit,`);
	console.log('then open Workflows: the examples run against the simulators. Ctrl-C stops everything.\n');
	const stop = async () => {
		server.kill('SIGTERM');
		await Promise.all(simulators.map((s) => s.simulator.stop()));
		process.exit(0);
	};
	process.on('SIGINT', stop);
	process.on('SIGTERM', stop);
	server.on('exit', async (code) => {
		await Promise.all(simulators.map((s) => s.simulator.stop()));
		process.exit(code ?? 0);
	});
}

main().catch((error) => {
	console.error(error);
	process.exit(1);
});
