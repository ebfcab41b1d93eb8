// 一支部一阵地 reads shared by the room pages: rooms, the booking calendar, study points, materials,
// and the Asia/Shanghai clock arithmetic the calendar needs (China keeps UTC+8 all year).
import { useQuery } from '@tanstack/react-query';
import type { Booking, Material, Room, RoomScreen } from '@zhibu/contracts';
import { api } from './client';

export type { Booking, Material, Room, RoomScreen };
export type StudyPoints = { courtId: string; courtName: string; month: string; items: string[]; version: number; updatedAt: string | null; canEdit: boolean };
export type RoomUsage = { roomId: string; roomName: string; orgName: string; month: string; bookings: number; hours: number; withActivity: number };
export type ShareTarget = { id: string; name: string; courtId: string; courtName: string };

const OFFSET = 8 * 3600_000;

/** 'YYYY-MM-DD' of an instant in Beijing time. */
export function shanghaiDay(d: Date | string): string {
  return new Date(new Date(d).getTime() + OFFSET).toISOString().slice(0, 10);
}
/** 'HH:mm' of an instant in Beijing time. */
export function shanghaiTime(d: Date | string): string {
  return new Date(new Date(d).getTime() + OFFSET).toISOString().slice(11, 16);
}
/** The instant of a Beijing date and time. */
export function shanghaiInstant(day: string, hm: string): string {
  return `${day}T${hm}:00+08:00`;
}
export function addDaysIso(day: string, n: number): string {
  return new Date(Date.parse(`${day}T00:00:00Z`) + n * 86400_000).toISOString().slice(0, 10);
}
/** Monday of the week containing `day`. */
export function mondayOf(day: string): string {
  const wd = new Date(`${day}T00:00:00Z`).getUTCDay();
  return addDaysIso(day, -((wd + 6) % 7));
}
export const weekdayLabels = ['周日', '周一', '周二', '周三', '周四', '周五', '周六'];
export function weekdayOf(day: string): string {
  return weekdayLabels[new Date(`${day}T00:00:00Z`).getUTCDay()]!;
}
export function shortDay(day: string): string {
  return `${Number(day.slice(5, 7))}月${Number(day.slice(8, 10))}日`;
}
export function currentMonth(): string {
  return shanghaiDay(new Date()).slice(0, 7);
}

export function useRooms() {
  return useQuery({ queryKey: ['rooms'], queryFn: () => api.get<{ items: Room[]; total: number }>('/rooms'), staleTime: 30_000 });
}

export function useBookings(q: { roomId?: string; from: string; to: string }) {
  return useQuery({
    queryKey: ['bookings', q],
    queryFn: () => api.get<{ items: Booking[]; total: number }>('/bookings', q),
    enabled: !!q.roomId,
    staleTime: 10_000,
  });
}

export function useStudyPoints(month: string, courtId?: string) {
  return useQuery({ queryKey: ['study-points', courtId ?? 'mine', month], queryFn: () => api.get<StudyPoints>('/study-points', { month, courtId }) });
}
