// The 997 functional acknowledgment: for each group a partner sent, whether each transaction set
// could be read (AK2/AK5) and how the group fared (AK9). It says "we could read it", not "we agree":
// a return we refuse is read fine and answered in a 180; a set with broken structure is rejected here.
import type { Segment } from '../x12/index.js';

export type SetAcknowledgment = {
  code: string;
  controlNumber: string;
  /** Why the set could not be read; empty when it was accepted. */
  errors: Array<{ segmentId: string; position: number; syntaxCode: string }>;
  /** AK501 code when the set as a whole is wrong (4: SE count, 3: control number, 5: other). */
  setErrorCode: string | null;
};

export type GroupAcknowledgment = {
  functionalId: string;
  controlNumber: string;
  /** GE01 as received, and whether it matched. */
  declaredSets: number;
  sets: SetAcknowledgment[];
  /** AK905 code when the group's own envelope is wrong (5: GE01 count, 4: control numbers). */
  groupErrorCode: string | null;
};

export function acknowledgment997(group: GroupAcknowledgment): Segment[] {
  const perSet = group.sets.flatMap((set): Segment[] => {
    const accepted = set.errors.length === 0 && !set.setErrorCode;
    return [
      { id: 'AK2', elements: [set.code, set.controlNumber] },
      ...set.errors.map((e) => ({ id: 'AK3', elements: [e.segmentId, String(e.position), '', e.syntaxCode] })),
      { id: 'AK5', elements: accepted ? ['A'] : ['R', set.setErrorCode ?? '5'] },
    ];
  });
  const accepted = group.sets.filter((s) => s.errors.length === 0 && !s.setErrorCode).length;
  const status = group.groupErrorCode ? 'R' : accepted === group.sets.length ? 'A' : accepted === 0 ? 'R' : 'P';
  return [
    { id: 'AK1', elements: [group.functionalId, group.controlNumber] },
    ...perSet,
    {
      id: 'AK9',
      elements: [
        status,
        String(group.declaredSets),
        String(group.sets.length),
        String(accepted),
        ...(group.groupErrorCode ? [group.groupErrorCode] : []),
      ],
    },
  ];
}
