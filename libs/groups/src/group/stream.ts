export const groupStreamId = (groupId: string) => `groups.group-${groupId.toLowerCase()}`;
