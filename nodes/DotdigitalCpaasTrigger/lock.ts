import type { IExecuteFunctions, INode } from 'n8n-workflow';
import { NodeOperationError, sleep } from 'n8n-workflow';

/**
 * A lock shared by every n8n process using the same database, built from the one atomic operation
 * n8n's deduplication store offers a node: creating a record. The store keeps one record per
 * workflow and scope (primary key: workflow ID and context); `checkProcessedAndRecord` inserts it
 * when it is missing, and of two processes inserting at the same moment the database lets one
 * succeed and refuses the other (duplicate key). Everything else the store does (read, then write
 * the whole record back) is not atomic across processes.
 *
 * So the workflow-scope record is the lock: it exists while one execution holds it, holding exactly
 * the entry `LOCK_KEY`. Acquire = create it; release = delete it (`clearAllProcessedItems`). The
 * trigger holds it only around its own read-then-write of the node-scope record of event IDs (a few
 * milliseconds), so those never overlap, whichever process runs them.
 */
export const LOCK_KEY = 'n8n-nodes-engagement:dotdigital-cpaas-trigger:replay-lock';

/**
 * How long one execution waits for the lock before it takes it as abandoned (the holder's process
 * died within its few milliseconds of holding) and removes it.
 */
export const LOCK_STALE_MS = 30_000;

const ENTRIES = { mode: 'entries' as const };

type Store = Pick<
	IExecuteFunctions['helpers'],
	'checkProcessedAndRecord' | 'getProcessedDataCount' | 'clearAllProcessedItems'
>;

export interface LockTiming {
	staleMs?: number;
	/** The pause before the next attempt (attempt ≥ 1). */
	pauseMs?: (attempt: number) => number;
}

const defaultPause = (attempt: number) =>
	Math.min(100, 2 ** Math.min(attempt, 7)) * (0.5 + Math.random());

function foreignRecord(node: INode): NodeOperationError {
	const error = new NodeOperationError(
		node,
		"This workflow's workflow-scope deduplication record is used by another node (e.g. Remove Duplicates with scope Workflow); the trigger needs it for its replay protection",
		{
			description:
				'Set that node\'s scope to Node, or set this trigger\'s "Remember Event IDs" option to 0 to turn replay protection off',
		},
	);
	refusals.add(error);
	return error;
}

/** The lock's refusals (another node's record): final, never retried. */
const refusals = new WeakSet<object>();

export function isLockRefusal(error: unknown): boolean {
	return typeof error === 'object' && error !== null && refusals.has(error);
}

/** The error a failing deduplication store gives, with the store's own message as description. */
export function storeFailure(node: INode, error: unknown): NodeOperationError {
	return new NodeOperationError(node, "Could not record event IDs in n8n's deduplication store", {
		description: (error as Error)?.message ?? String(error),
	});
}

/** One attempt: true when this call created the lock record. */
async function tryAcquire(store: Store, node: INode): Promise<boolean> {
	const count = await store.getProcessedDataCount('workflow', ENTRIES);
	if (count > 1) throw foreignRecord(node);
	if (count > 0) return false;
	try {
		// Inserts the record when it is missing (atomic); when another process created it in the
		// meantime, reads it and finds LOCK_KEY there (processed): not ours.
		const result = await store.checkProcessedAndRecord([LOCK_KEY], 'workflow', ENTRIES);
		return result.new.length === 1;
	} catch (error) {
		if (/incompatible setting/i.test(String((error as Error)?.message))) throw foreignRecord(node);
		// The duplicate key of a concurrent insert: someone else holds it now. Any other failure (the
		// record is not there) is the store's, and is reported.
		if ((await store.getProcessedDataCount('workflow', ENTRIES)) > 0) return false;
		throw storeFailure(node, error);
	}
}

/** Runs `task` while holding the workflow's lock (see above). */
export async function withWorkflowLock<T>(
	store: Store,
	node: INode,
	task: () => Promise<T>,
	timing: LockTiming = {},
): Promise<T> {
	const staleMs = timing.staleMs ?? LOCK_STALE_MS;
	const pauseMs = timing.pauseMs ?? defaultPause;
	let waitingSince = Date.now();
	for (let attempt = 1; !(await tryAcquire(store, node)); attempt++) {
		if (Date.now() - waitingSince >= staleMs) {
			// Held all this time: abandoned by a process that died holding it (the lock record holds
			// exactly one entry; more means another node's data, which is never deleted).
			const count = await store.getProcessedDataCount('workflow', ENTRIES);
			if (count > 1) throw foreignRecord(node);
			if (count === 1) await store.clearAllProcessedItems('workflow', ENTRIES);
			waitingSince = Date.now();
		}
		await sleep(pauseMs(attempt));
	}
	try {
		return await task();
	} finally {
		await release(store);
	}
}

/**
 * Deletes the lock record, retried; when that keeps failing the lock is left to go stale (the
 * task's outcome stands: its event IDs are recorded, so failing it now would lose its events).
 */
async function release(store: Store): Promise<void> {
	for (let attempt = 1; attempt <= 3; attempt++) {
		try {
			await store.clearAllProcessedItems('workflow', ENTRIES);
			return;
		} catch {
			await sleep(50 * attempt);
		}
	}
}
