import type { IDataObject } from 'n8n-workflow';

/** An event as dotdigital sends it: an object with an `eventId` or a `name` (A3 contract). */
export function isEvent(value: unknown): value is IDataObject {
	if (typeof value !== 'object' || value === null || Array.isArray(value)) return false;
	const { eventId, name } = value as IDataObject;
	return (
		(typeof eventId === 'string' && eventId.trim() !== '') ||
		typeof eventId === 'number' ||
		(typeof name === 'string' && name.trim() !== '')
	);
}

/**
 * What one delivery holds: its events, and how many entries of a batch were not events. `valid`
 * is false when the body is neither an event nor a list (then nothing in it can be an event).
 */
export function readDelivery(body: unknown): {
	valid: boolean;
	events: IDataObject[];
	invalid: number;
} {
	if (Array.isArray(body)) {
		const events = body.filter(isEvent);
		return { valid: true, events, invalid: body.length - events.length };
	}
	return isEvent(body)
		? { valid: true, events: [body], invalid: 0 }
		: { valid: false, events: [], invalid: 1 };
}

/** Events whose `name` is one of `names`; every event when `names` is empty. */
export function filterByName(events: IDataObject[], names: readonly string[]): IDataObject[] {
	const wanted = new Set(names.map((name) => name.trim()).filter((name) => name !== ''));
	if (wanted.size === 0) return events;
	return events.filter((event) => typeof event.name === 'string' && wanted.has(event.name));
}

/** An event's `eventId` as a string; empty when it has none (such an event cannot be recognised again). */
export function eventKey(event: IDataObject): string {
	const id = event.eventId;
	return typeof id === 'string' || typeof id === 'number' ? String(id) : '';
}

/**
 * Event IDs this process has seen, newest last, at most `capacity` of them. `claim` checks and
 * records in one synchronous step, so concurrent deliveries handled by one process cannot both
 * claim the same ID (JavaScript runs one callback at a time and nothing here awaits).
 */
export class RecentEvents {
	private readonly ids = new Set<string>();

	constructor(private capacity: number) {}

	/** For each event: true when it is new (and is now remembered), false when it was seen. */
	claim(events: IDataObject[], capacity: number): boolean[] {
		this.capacity = Math.max(0, capacity);
		const fresh = events.map((event) => {
			const id = eventKey(event);
			if (id === '' || this.capacity === 0) return true;
			if (this.ids.has(id)) return false;
			this.ids.add(id);
			return true;
		});
		for (const id of this.ids) {
			if (this.ids.size <= this.capacity) break;
			this.ids.delete(id); // a Set iterates in insertion order: the oldest go first
		}
		return fresh;
	}

	get size(): number {
		return this.ids.size;
	}
}

const recentByTrigger = new Map<string, RecentEvents>();

/** The process-wide memory of one trigger node (key: workflow ID and node ID). */
export function recentEventsOf(key: string, capacity: number): RecentEvents {
	let recent = recentByTrigger.get(key);
	if (!recent) {
		recent = new RecentEvents(capacity);
		recentByTrigger.set(key, recent);
	}
	return recent;
}

/** Forgets a trigger's process memory (on deactivation). */
export function forgetRecentEvents(key: string): void {
	recentByTrigger.delete(key);
}

const queues = new Map<string, Promise<unknown>>();

/**
 * Runs `task` after every earlier task of the same key in this process has settled: n8n's
 * deduplication store reads and rewrites one record per node, so two overlapping calls would
 * lose each other's IDs. One queue per trigger node keeps its calls in order.
 */
export async function inOrder<T>(key: string, task: () => Promise<T>): Promise<T> {
	const previous = queues.get(key) ?? Promise.resolve();
	const run = previous.then(task, task);
	const settled = run.then(
		() => undefined,
		() => undefined,
	);
	queues.set(key, settled);
	try {
		return await run;
	} finally {
		if (queues.get(key) === settled) queues.delete(key);
	}
}
