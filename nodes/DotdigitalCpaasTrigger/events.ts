import type { IDataObject } from 'n8n-workflow';

/**
 * The events of one delivery: dotdigital sends one event object, or (with batching) an array of
 * them. Anything that is not an object is not an event and is left out.
 */
export function splitEvents(body: unknown): IDataObject[] {
	const list = Array.isArray(body) ? body : [body];
	return list.filter(
		(event): event is IDataObject => typeof event === 'object' && event !== null && !Array.isArray(event),
	);
}

/** Events whose `name` is one of `names`; every event when `names` is empty. */
export function filterByName(events: IDataObject[], names: readonly string[]): IDataObject[] {
	const wanted = new Set(names.map((name) => name.trim()).filter((name) => name !== ''));
	if (wanted.size === 0) return events;
	return events.filter((event) => typeof event.name === 'string' && wanted.has(event.name));
}

/** `eventId` → when it was first delivered (ms since epoch). Kept in the workflow's static data. */
export type SeenEvents = Record<string, number>;

export interface DedupeResult {
	fresh: IDataObject[];
	duplicates: IDataObject[];
	/** The updated record: entries older than the window dropped, at most `maxEntries` newest kept. */
	seen: SeenEvents;
}

/**
 * Drops events whose `eventId` was already delivered within `windowMs` (dotdigital delivers at
 * least once and retries for up to 24 hours), including repeats inside the same batch. Events
 * without an `eventId` cannot be recognised again and always pass.
 */
export function dedupeEvents(
	events: IDataObject[],
	previous: SeenEvents | undefined,
	now: number,
	windowMs: number,
	maxEntries: number,
): DedupeResult {
	const seen: SeenEvents = {};
	for (const [id, at] of Object.entries(previous ?? {})) {
		if (typeof at === 'number' && now - at < windowMs) seen[id] = at;
	}
	const fresh: IDataObject[] = [];
	const duplicates: IDataObject[] = [];
	for (const event of events) {
		const id = typeof event.eventId === 'string' || typeof event.eventId === 'number' ? String(event.eventId) : '';
		if (id === '' || windowMs <= 0) {
			fresh.push(event);
			continue;
		}
		if (id in seen) {
			duplicates.push(event);
			continue;
		}
		seen[id] = now;
		fresh.push(event);
	}
	const entries = Object.entries(seen);
	if (entries.length > maxEntries) {
		entries.sort((a, b) => b[1] - a[1]);
		return { fresh, duplicates, seen: Object.fromEntries(entries.slice(0, maxEntries)) };
	}
	return { fresh, duplicates, seen };
}
