import { describe, expect, it } from 'vitest';
import {
  boardRoom,
  learnerNameProblem,
  learnerSlug,
  parseRoomFile,
  type RoomFile,
  RoomFileError,
  roomIdFor,
} from './room-file.js';
import { SAMPLE_ROOM_FILE } from './testing/sample-room.js';

const room: RoomFile = SAMPLE_ROOM_FILE;

describe('room ids and learner names', () => {
  it('a room id reads like its title and ends with a random part', () => {
    expect(roomIdFor('Kafka 101 · Tuesday', 'a1b2c3')).toBe('kafka-101-tuesday-a1b2c3');
    expect(roomIdFor('张老师的课', 'ffffff')).toBe('room-ffffff');
  });

  it('a slug folds case and punctuation; a name with no ASCII letters gets a stable hash', () => {
    expect(learnerSlug('  Ann Lee ')).toBe('ann-lee');
    expect(learnerSlug('ANN LEE')).toBe(learnerSlug('ann.lee'));
    expect(learnerSlug('张三')).toMatch(/^l-[0-9a-f]{8}$/);
    expect(learnerSlug('张三')).toBe(learnerSlug('张三'));
    expect(learnerSlug('张三')).not.toBe(learnerSlug('李四'));
  });

  it('a name must be visible and short', () => {
    expect(learnerNameProblem('  ')).toBe('empty');
    expect(learnerNameProblem('x'.repeat(41))).toBe('too-long');
    expect(learnerNameProblem('a\u001b[2Jb')).toBe('control');
    expect(learnerNameProblem('张三')).toBeUndefined();
  });
});

describe('parseRoomFile', () => {
  it('reads back what init writes', () => {
    expect(parseRoomFile(JSON.stringify(room))).toEqual(room);
    expect(boardRoom(room)).toEqual({
      id: room.id,
      name: room.name,
      tutorial: room.tutorial,
      steps: room.steps,
      learners: 30,
    });
  });

  it('refuses what is not a room, saying which part', () => {
    const problem = (text: string) => {
      try {
        parseRoomFile(text);
      } catch (error) {
        return (error as RoomFileError).problem;
      }
      return 'parsed';
    };
    expect(problem('{')).toBe('not JSON');
    expect(problem(JSON.stringify({ ...room, v: 2 }))).toBe('unknown version');
    expect(problem(JSON.stringify({ ...room, id: '../../etc' }))).toBe('id');
    expect(problem(JSON.stringify({ ...room, broker: 'pulsar' }))).toBe('broker');
    expect(problem(JSON.stringify({ ...room, learners: 0 }))).toBe('learners');
    expect(problem(JSON.stringify({ ...room, params: { a: 1 } }))).toBe('params');
    expect(problem(JSON.stringify({ ...room, groups: { kind: 'pool', names: [1] } }))).toBe('groups');
    expect(problem(JSON.stringify({ ...room, steps: [] }))).toBe('steps');
    expect(() => parseRoomFile('[]')).toThrow(RoomFileError);
  });
});
