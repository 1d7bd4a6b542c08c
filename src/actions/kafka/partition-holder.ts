import type { Admin } from 'kafkajs';

export interface PartitionHolder {
  memberId: string;
  clientId: string;
  clientHost: string;
}

/**
 * The other member of a settled group that was given `partition` of `topic`, as the broker
 * describes the group. Undefined when the group is not Stable (a rebalance may still move the
 * partition) or when no other member holds it.
 */
export async function otherHolderOf(
  admin: Admin,
  groupId: string,
  topic: string,
  partition: number,
  ownMemberId: string,
): Promise<PartitionHolder | undefined> {
  const { AssignerProtocol } = (await import('kafkajs')).default;
  const { groups } = await admin.describeGroups([groupId]);
  const group = groups[0];
  if (group?.state !== 'Stable' || !group.members.some((m) => m.memberId === ownMemberId)) return undefined;
  for (const member of group.members) {
    if (member.memberId === ownMemberId || member.memberAssignment.length === 0) continue;
    const decoded = AssignerProtocol.MemberAssignment.decode(member.memberAssignment);
    if (decoded?.assignment[topic]?.includes(partition))
      return { memberId: member.memberId, clientId: member.clientId, clientHost: member.clientHost };
  }
  return undefined;
}
