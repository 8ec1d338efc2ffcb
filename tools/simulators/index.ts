/**
 * All vendor simulators, by name, with the demo credential each one answers to. Used by the demo
 * start command and by tests that need every vendor at once.
 */
import type { Simulator } from './core/simulator';

export interface DemoCredential {
	id: string;
	name: string;
	type: string;
	data: Record<string, unknown>;
}

export interface SimulatorEntry {
	/** Fixed loopback port for the demo (tests use random ports). */
	demoPort: number;
	create(): Simulator;
	demoCredential(baseUrl: string): DemoCredential;
}

/** Loaded lazily so one vendor's simulator never stops the others from starting. */
export function simulatorRegistry(): Record<string, () => SimulatorEntry> {
	return {
		webengage: () => {
			const m = require('./webengage');
			return {
				demoPort: 4101,
				create: m.createWebEngageSimulator,
				demoCredential: m.demoCredential,
			};
		},
		dotdigital: () => {
			const m = require('./dotdigital');
			return {
				demoPort: 4102,
				create: m.createDotdigitalSimulator,
				demoCredential: m.demoCredential,
			};
		},
		engati: () => {
			const m = require('./engati');
			return { demoPort: 4103, create: m.createEngatiSimulator, demoCredential: m.demoCredential };
		},
		engageone: () => {
			const m = require('./engageone');
			return {
				demoPort: 4104,
				create: m.createEngageOneSimulator,
				demoCredential: m.demoCredential,
			};
		},
	};
}

export interface RunningSimulator {
	name: string;
	simulator: Simulator;
	url: string;
	credential: DemoCredential;
}

/** Starts every simulator on its demo port (or a random one with `port0`). */
export async function startAllSimulators(
	options: { port0?: boolean } = {},
): Promise<RunningSimulator[]> {
	const running: RunningSimulator[] = [];
	for (const [name, load] of Object.entries(simulatorRegistry())) {
		const entry = load();
		const simulator = entry.create();
		const url = await simulator.start(options.port0 ? 0 : entry.demoPort);
		running.push({ name, simulator, url, credential: entry.demoCredential(url) });
	}
	return running;
}
