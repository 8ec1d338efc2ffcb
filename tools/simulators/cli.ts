/** `npm run simulators`: every vendor simulator on its demo port, until Ctrl-C. */
import { startAllSimulators } from './index';

async function main() {
	const running = await startAllSimulators();
	for (const { name, url } of running)
		console.log(`${name.padEnd(11)} ${url}   (control API: ${url}/__control/requests)`);
	const stop = async () => {
		await Promise.all(running.map((r) => r.simulator.stop()));
		process.exit(0);
	};
	process.on('SIGINT', stop);
	process.on('SIGTERM', stop);
}

main().catch((error) => {
	console.error(error);
	process.exit(1);
});
