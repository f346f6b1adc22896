import { coordinatorIn } from './group-coordinator';

describe('coordinatorIn', () => {
  it('reads the coordinator id of the group from the --describe --state table', () => {
    const output = [
      '',
      'GROUP           COORDINATOR (ID)          ASSIGNMENT-STRATEGY  STATE           #MEMBERS',
      'fault_group_1   127.0.0.1:29094 (2)       range                Stable          1',
      '',
    ].join('\n');
    expect(coordinatorIn(output, 'fault_group_1')).toBe(2);
  });

  it('finds nothing for another group or a table without it', () => {
    const output = 'GROUP COORDINATOR (ID)\nother 127.0.0.1:1 (3) range Stable 1\n';
    expect(coordinatorIn(output, 'fault_group_1')).toBeUndefined();
    expect(coordinatorIn("Consumer group 'x' does not exist.", 'x')).toBeUndefined();
  });
});
