// The room's screen: a full-screen page for the display beside or inside the activity room
// (designed for 1920×1080, scales with the window). It rotates between the branch (brand,
// committee, members — names and posts only), this month's political-study points, recent photos
// and the coming activities; while an activity in the room has sign-in open, the rotating sign-in
// QR stays on screen. It runs unattended for days: one query (bounded react-query cache, no growing
// arrays), two timers, polls with backoff when the server is away and shows 「连接中断，正在重连」
// until it answers again.
import { useEffect, useRef, useState, type CSSProperties, type ReactNode } from 'react';
import { QRCode } from 'antd';
import { QueryClient, QueryClientProvider, useQuery } from '@tanstack/react-query';
import { useParams, useSearchParams } from 'react-router';
import type { RoomScreen } from '@zhibu/contracts';
import { api, ApiError } from '../../api/client';
import { shanghaiDay, shanghaiTime, shortDay, weekdayOf } from '../../api/bases';
import { useKeepAwake } from '../../layout/IdleWatcher';

const SLIDE_MS = 15_000;
const RED = '#a8071a';
const GOLD = '#ffd666';

/**
 * Poll every 15 s; just after the QR rotates while sign-in is open; back off to 1 min while the server
 * is away (3 s, 6 s, 12 s … after consecutive failures).
 */
function nextPollMs(data: RoomScreen | undefined, failures: number): number {
  if (failures > 0) return Math.min(60_000, 3_000 * 2 ** Math.min(failures - 1, 5));
  const rotates = data?.now?.signIn?.tokenRotatesAt;
  if (rotates) return Math.min(15_000, Math.max(3_000, new Date(rotates).getTime() - Date.now() + 500));
  return 15_000;
}

/**
 * Consecutive failed polls. react-query resets `fetchFailureCount` when each fetch starts, so with
 * `retry: false` it never exceeds 1 and cannot drive a backoff: the query function counts instead.
 */
function useFailureCount() {
  const failures = useRef(0);
  return {
    failures,
    track: async <T,>(fetcher: () => Promise<T>): Promise<T> => {
      try {
        const data = await fetcher();
        failures.current = 0;
        return data;
      } catch (e) {
        failures.current += 1;
        throw e;
      }
    },
  };
}

function useClock(): Date {
  const [now, setNow] = useState(() => new Date());
  useEffect(() => {
    const timer = window.setInterval(() => setNow(new Date()), 1_000);
    return () => window.clearInterval(timer);
  }, []);
  return now;
}

type Slide = { key: string; title: string; body: ReactNode };

const vw = (n: number) => `${(n / 19.2).toFixed(3)}vw`; // n px at 1920 wide

function Panel({ title, children, style }: { title: string; children: ReactNode; style?: CSSProperties }) {
  return (
    <section style={{ background: 'rgba(255,255,255,0.96)', borderRadius: vw(16), padding: `${vw(24)} ${vw(32)}`, color: '#262626', display: 'flex', flexDirection: 'column', minHeight: 0, ...style }}>
      <h2 style={{ margin: 0, marginBottom: vw(16), fontSize: vw(36), color: RED, borderLeft: `${vw(8)} solid ${RED}`, paddingLeft: vw(16), lineHeight: 1.2 }}>{title}</h2>
      <div style={{ flex: 1, minHeight: 0, overflow: 'hidden' }}>{children}</div>
    </section>
  );
}

function when(startsAt: string, endsAt: string): string {
  const d = shanghaiDay(startsAt);
  return `${shortDay(d)} ${weekdayOf(d)} ${shanghaiTime(startsAt)}–${shanghaiTime(endsAt)}`;
}

export function RoomScreenView({ data, offline }: { data: RoomScreen; offline: boolean }) {
  const now = useClock();
  const [index, setIndex] = useState(0);
  useEffect(() => {
    const timer = window.setInterval(() => setIndex((i) => i + 1), SLIDE_MS);
    return () => window.clearInterval(timer);
  }, []);

  const slides: Slide[] = [
    {
      key: 'branch',
      title: '支部委员会与党员',
      body: (
        <div style={{ display: 'flex', flexDirection: 'column', gap: vw(20), height: '100%' }}>
          <div style={{ display: 'flex', flexWrap: 'wrap', gap: vw(16) }} data-testid="screen-committee">
            {data.committee.length === 0 && <span style={{ fontSize: vw(26), color: '#8c8c8c' }}>支部委员会信息尚未登记</span>}
            {data.committee.map((c) => (
              <div key={`${c.post}-${c.name}`} style={{ background: '#fff1f0', border: `1px solid #ffa39e`, borderRadius: vw(12), padding: `${vw(12)} ${vw(24)}`, textAlign: 'center', minWidth: vw(170) }}>
                <div style={{ fontSize: vw(22), color: RED }}>{c.post}</div>
                <div style={{ fontSize: vw(36), fontWeight: 700 }}>{c.name}</div>
              </div>
            ))}
          </div>
          <div style={{ fontSize: vw(24), color: '#595959' }}>党员 {data.branch.memberCount} 名</div>
          <div style={{ display: 'grid', gridTemplateColumns: 'repeat(8, 1fr)', gap: `${vw(8)} ${vw(12)}`, fontSize: vw(26), alignContent: 'start' }}>
            {data.members.slice(0, 64).map((m, i) => (
              <span key={`${m}-${i}`} style={{ whiteSpace: 'nowrap', overflow: 'hidden', textOverflow: 'ellipsis' }}>
                {m}
              </span>
            ))}
          </div>
        </div>
      ),
    },
    {
      key: 'study',
      title: `${data.studyPoints ? `${Number(data.studyPoints.month.slice(5))}月` : '本月'}政治学习要点`,
      body: data.studyPoints?.items.length ? (
        <ol style={{ margin: 0, paddingLeft: vw(44), fontSize: vw(34), lineHeight: 1.6 }} data-testid="screen-study-points">
          {data.studyPoints.items.map((p, i) => (
            <li key={i} style={{ marginBottom: vw(12) }}>
              {p}
            </li>
          ))}
        </ol>
      ) : (
        <div style={{ fontSize: vw(30), color: '#8c8c8c' }}>本月学习要点尚未发布</div>
      ),
    },
    ...(data.photos.length
      ? [
          {
            key: 'photos',
            title: '支部活动风采',
            body: (
              <div style={{ display: 'grid', gridTemplateColumns: 'repeat(3, 1fr)', gridAutoRows: '1fr', gap: vw(16), height: '100%' }}>
                {data.photos.slice(0, 6).map((p) => (
                  <figure key={p.id} style={{ margin: 0, position: 'relative', borderRadius: vw(10), overflow: 'hidden', background: '#f0f0f0' }}>
                    <img src={p.url} alt={p.activityTitle} style={{ width: '100%', height: '100%', objectFit: 'cover', display: 'block' }} />
                    <figcaption style={{ position: 'absolute', left: 0, right: 0, bottom: 0, padding: vw(8), fontSize: vw(20), color: '#fff', background: 'linear-gradient(transparent, rgba(0,0,0,0.7))' }}>{p.activityTitle}</figcaption>
                  </figure>
                ))}
              </div>
            ),
          },
        ]
      : []),
    {
      key: 'upcoming',
      title: '近期活动安排',
      body: data.upcoming.length ? (
        <div style={{ display: 'flex', flexDirection: 'column', gap: vw(14) }}>
          {data.upcoming.map((u) => (
            <div key={u.id} style={{ display: 'flex', gap: vw(24), alignItems: 'baseline', fontSize: vw(30), borderBottom: '1px dashed #d9d9d9', paddingBottom: vw(10) }}>
              <span style={{ color: RED, fontWeight: 700, whiteSpace: 'nowrap' }}>{when(u.startsAt, u.endsAt)}</span>
              <span style={{ flex: 1 }}>{u.title}</span>
              <span style={{ fontSize: vw(22), color: '#8c8c8c', whiteSpace: 'nowrap' }}>{u.orgName}</span>
            </div>
          ))}
        </div>
      ) : (
        <div style={{ fontSize: vw(30), color: '#8c8c8c' }}>近两周暂无活动安排</div>
      ),
    },
  ];
  const slide = slides[index % slides.length]!;
  const signIn = data.now?.signIn ?? null;
  const next = data.upcoming[0];
  const day = shanghaiDay(now);

  return (
    <div
      data-testid="room-screen"
      style={{ position: 'fixed', inset: 0, zIndex: 1000, background: `linear-gradient(135deg, #cf1322 0%, ${RED} 55%, #820014 100%)`, color: '#fff', display: 'flex', flexDirection: 'column', padding: `${vw(28)} ${vw(40)}`, gap: vw(24), overflow: 'hidden', fontFamily: '"Noto Sans CJK SC", "Microsoft YaHei", sans-serif' }}
    >
      <header style={{ display: 'flex', alignItems: 'center', gap: vw(32) }}>
        <div style={{ flex: '0 0 28%' }}>
          <div style={{ fontSize: vw(26), opacity: 0.9 }}>{data.court.name}</div>
          <div style={{ fontSize: vw(34), fontWeight: 700 }}>
            {data.room.name}
            {data.room.floor ? <span style={{ fontSize: vw(24), fontWeight: 400, opacity: 0.85 }}>（{data.room.floor}）</span> : null}
          </div>
        </div>
        <div style={{ flex: 1, textAlign: 'center' }} data-testid="screen-brand">
          <div style={{ fontSize: vw(28), opacity: 0.9 }}>{data.branch.name}</div>
          {data.brand ? (
            <>
              <div style={{ fontSize: vw(64), fontWeight: 800, color: GOLD, letterSpacing: vw(4), lineHeight: 1.15 }}>“{data.brand.name}”</div>
              {data.brand.slogan && <div style={{ fontSize: vw(28), marginTop: vw(4) }}>{data.brand.slogan}</div>}
            </>
          ) : (
            <div style={{ fontSize: vw(60), fontWeight: 800, color: GOLD, letterSpacing: vw(4) }}>{data.branch.name}</div>
          )}
        </div>
        <div style={{ flex: '0 0 22%', textAlign: 'right' }}>
          <div style={{ fontSize: vw(64), fontWeight: 700, fontVariantNumeric: 'tabular-nums', lineHeight: 1.1 }} data-testid="screen-clock">
            {shanghaiTime(now)}
          </div>
          <div style={{ fontSize: vw(24) }}>
            {Number(day.slice(0, 4))}年{shortDay(day)} {weekdayOf(day)}
          </div>
        </div>
      </header>

      <main style={{ flex: 1, minHeight: 0, display: 'grid', gridTemplateColumns: '1fr 36%', gap: vw(24) }}>
        <Panel title={slide.title}>
          <div key={slide.key} data-testid={`screen-slide-${slide.key}`} style={{ height: '100%' }}>
            {slide.body}
          </div>
        </Panel>
        {signIn ? (
          <Panel title="正在进行 · 扫码签到">
            <div style={{ display: 'flex', flexDirection: 'column', alignItems: 'center', gap: vw(12), height: '100%' }} data-testid="screen-sign-in">
              <div style={{ fontSize: vw(32), fontWeight: 700, textAlign: 'center' }}>{data.now!.title}</div>
              {offline ? (
                // A QR older than a minute is refused by the server: while away, show none rather than a stale one.
                <div style={{ width: vw(384), height: vw(384), display: 'flex', alignItems: 'center', justifyContent: 'center', textAlign: 'center', background: '#f5f5f5', borderRadius: vw(12), fontSize: vw(26), color: '#8c8c8c', padding: vw(24) }}>
                  网络恢复后显示最新二维码，现在请输入签到码
                </div>
              ) : (
                <QRCode value={window.location.origin + signIn.url} size={Math.round(Math.min(window.innerWidth * 0.2, window.innerHeight * 0.42))} bordered={false} errorLevel="M" bgColor="#ffffff" />
              )}
              <div style={{ fontSize: vw(24), color: '#595959' }}>请用手机扫码签到，二维码每30秒更新</div>
              <div style={{ fontSize: vw(22), color: '#595959' }}>
                签到码 <span style={{ fontSize: vw(52), fontWeight: 800, color: RED, letterSpacing: vw(8), fontFamily: 'ui-monospace, Menlo, Consolas, monospace' }}>{signIn.code}</span>
              </div>
              <div style={{ fontSize: vw(28) }}>
                已签到 <b style={{ color: RED }}>{signIn.signedIn}</b> / {signIn.expected} 人{signIn.closesAt ? ` · ${shanghaiTime(signIn.closesAt)} 截止` : ''}
              </div>
            </div>
          </Panel>
        ) : (
          <Panel title={data.now ? '正在进行' : '下一项活动'}>
            <div style={{ display: 'flex', flexDirection: 'column', gap: vw(16) }} data-testid="screen-next">
              {data.now ? (
                <>
                  <div style={{ fontSize: vw(44), fontWeight: 700, lineHeight: 1.3 }}>{data.now.title}</div>
                  <div style={{ fontSize: vw(30), color: RED }}>{when(data.now.startsAt, data.now.endsAt)}</div>
                  <div style={{ fontSize: vw(26), color: '#595959' }}>{data.now.orgName}</div>
                </>
              ) : next ? (
                <>
                  <div style={{ fontSize: vw(44), fontWeight: 700, lineHeight: 1.3 }}>{next.title}</div>
                  <div style={{ fontSize: vw(30), color: RED }}>{when(next.startsAt, next.endsAt)}</div>
                  <div style={{ fontSize: vw(26), color: '#595959' }}>
                    {next.orgName}
                    {next.place ? ` · ${next.place}` : ''}
                  </div>
                </>
              ) : (
                <div style={{ fontSize: vw(32), color: '#8c8c8c' }}>近两周暂无活动安排</div>
              )}
              {data.upcoming.slice(data.now ? 0 : 1, data.now ? 3 : 4).map((u) => (
                <div key={u.id} style={{ fontSize: vw(24), borderTop: '1px dashed #d9d9d9', paddingTop: vw(10) }}>
                  <span style={{ color: RED, marginRight: vw(12) }}>{when(u.startsAt, u.endsAt)}</span>
                  {u.title}
                </div>
              ))}
              {data.room.devices.length > 0 && (
                <div style={{ marginTop: 'auto', fontSize: vw(20), color: '#8c8c8c' }}>本室设备：{data.room.devices.join('、')}</div>
              )}
            </div>
          </Panel>
        )}
      </main>

      <footer style={{ display: 'flex', alignItems: 'center', gap: vw(16), fontSize: vw(20), opacity: 0.9 }}>
        <span>远程连线 · 云上共学</span>
        <div style={{ flex: 1, display: 'flex', justifyContent: 'center', gap: vw(10) }}>
          {slides.map((s, i) => (
            <span key={s.key} style={{ width: vw(i === index % slides.length ? 36 : 12), height: vw(12), borderRadius: vw(6), background: i === index % slides.length ? GOLD : 'rgba(255,255,255,0.5)', transition: 'width .3s' }} />
          ))}
        </div>
        {offline ? (
          <span data-testid="screen-offline" style={{ background: '#fff', color: RED, borderRadius: vw(16), padding: `${vw(4)} ${vw(16)}`, fontWeight: 700 }}>
            连接中断，正在重连…
          </span>
        ) : (
          <span>更新于 {shanghaiTime(data.serverTime)}</span>
        )}
      </footer>
    </div>
  );
}

function ScreenMessage({ title, detail }: { title: string; detail?: string }) {
  return (
    <div data-testid="room-screen-message" style={{ position: 'fixed', inset: 0, zIndex: 1000, background: RED, color: '#fff', display: 'flex', flexDirection: 'column', alignItems: 'center', justifyContent: 'center', gap: 16 }}>
      <div style={{ fontSize: 'max(28px, 2.5vw)', fontWeight: 700 }}>{title}</div>
      {detail && <div style={{ fontSize: 'max(16px, 1.2vw)', opacity: 0.9 }}>{detail}</div>}
    </div>
  );
}

function ScreenBody({ query }: { query: { data?: RoomScreen; error: unknown; isError: boolean } }) {
  if (query.error instanceof ApiError && query.error.status === 404) return <ScreenMessage title="大屏链接无效或已被收回" detail="请联系支部书记在「党员活动室」页面重新生成大屏链接" />;
  if (query.data) return <RoomScreenView data={query.data} offline={query.isError} />;
  if (query.isError) return <ScreenMessage title="连接中断，正在重连…" detail="服务器恢复后将自动显示" />;
  return <ScreenMessage title="正在加载…" />;
}

/** /rooms/:id/screen — a signed-in reader (the secretary) opens the screen; the session stays awake while open. */
export default function RoomScreenPage() {
  const { id = '' } = useParams();
  useKeepAwake(true);
  const { failures, track } = useFailureCount();
  const query = useQuery({
    queryKey: ['room-screen', id],
    queryFn: () => track(() => api.get<RoomScreen>(`/rooms/${id}/screen`)),
    refetchInterval: (q) => nextPollMs(q.state.data, failures.current),
    refetchIntervalInBackground: true,
    retry: false,
    staleTime: 0,
    gcTime: 60_000,
  });
  return <ScreenBody query={query} />;
}

// The public display has its own small client: one query, nothing else cached.
const displayClient = new QueryClient({ defaultOptions: { queries: { retry: false, refetchOnWindowFocus: false, gcTime: 60_000 } } });

async function fetchByToken(token: string): Promise<RoomScreen> {
  const res = await fetch('/api/v1/room-screen', { headers: { Accept: 'application/json', 'X-Display-Token': token }, credentials: 'omit', cache: 'no-store' });
  const body = (await res.json().catch(() => ({}))) as Record<string, unknown>;
  if (!res.ok) throw new ApiError(res.status, body);
  return body as unknown as RoomScreen;
}

function TokenScreen({ token }: { token: string }) {
  const { failures, track } = useFailureCount();
  const query = useQuery({
    queryKey: ['room-screen-token'],
    queryFn: () => track(() => fetchByToken(token)),
    // A revoked link stops polling hard (every minute); a server away is retried with backoff.
    refetchInterval: (q) => (q.state.error instanceof ApiError && q.state.error.status === 404 ? 60_000 : nextPollMs(q.state.data, failures.current)),
    refetchIntervalInBackground: true,
    staleTime: 0,
  });
  return <ScreenBody query={query} />;
}

/** /room-screen?t=… — the unattended display: no sign-in; the room's display token is its only credential. */
export function PublicRoomScreenPage() {
  const [params] = useSearchParams();
  const token = params.get('t') ?? '';
  if (!token) return <ScreenMessage title="缺少大屏令牌" detail="请使用支部书记生成的大屏链接打开本页面" />;
  return (
    <QueryClientProvider client={displayClient}>
      <TokenScreen token={token} />
    </QueryClientProvider>
  );
}
