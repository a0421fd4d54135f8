import { withPreset } from '@groundwork/tooling/vitest';

export default withPreset();
