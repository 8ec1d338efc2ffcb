import { relationOperation } from './fields';

export const { description, execute } = relationOperation('unlinkPrimary', 'DELETE', 'primary');
