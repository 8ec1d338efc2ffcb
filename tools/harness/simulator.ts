import type { Simulator } from '../simulators/core/simulator';
import type { CredentialFixture } from './n8n';

/** Where a credential can be imported: one n8n home (`N8n`) or a queue-mode cluster (`QueueN8n`). */
export interface CredentialTarget {
	importCredentials(credentials: CredentialFixture[]): Promise<void>;
}

export interface SimulatorRun<S extends Simulator, C extends CredentialFixture> {
	sim: S;
	/** The simulator's base URL on loopback. */
	url: string;
	/** The credential pointing n8n at the simulator, already imported. */
	credential: C;
}

/**
 * Starts a vendor simulator, imports the credential that points n8n at it (`credentialFor(url)`,
 * e.g. the simulator's `demoCredential`), runs `body`, and stops the simulator however `body` ends.
 */
export async function withSimulator<S extends Simulator, C extends CredentialFixture, T>(
	target: CredentialTarget,
	sim: S,
	credentialFor: (url: string) => C,
	body: (run: SimulatorRun<S, C>) => Promise<T>,
): Promise<T> {
	const url = await sim.start();
	try {
		const credential = credentialFor(url);
		await target.importCredentials([credential]);
		return await body({ sim, url, credential });
	} finally {
		await sim.stop();
	}
}
