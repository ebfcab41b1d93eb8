// Idle timeout (等保2.0: automatic logout of idle sessions): warn a minute before the configured
// idle time, then sign out. While the user is active, keep the server's idle clock in step.
import { useEffect, useRef, useState } from 'react';
import { Modal } from 'antd';
import { useNavigate } from 'react-router';
import { api, getLastServerContact } from '../api/client';
import { useSignOut } from '../auth';

const warnBeforeMs = 60_000;
// The server refreshes a session's clock when it sees a request; activity without requests (typing
// a long form) pings it at most this often.
const keepAliveEveryMs = 2 * 60_000;

// Pages that must stay signed in without anyone touching them (the QR sign-in screen on the room's
// display while its sign-in window is open). Bounded by what the page asks for: the window closes
// within 4 hours, and the page's own polling keeps the server's idle clock fresh meanwhile.
let awakeHolders = 0;

/** Keeps the idle timeout from signing out while `active` (see awakeHolders above). */
export function useKeepAwake(active: boolean): void {
  useEffect(() => {
    if (!active) return;
    awakeHolders += 1;
    return () => {
      awakeHolders -= 1;
    };
  }, [active]);
}

export function IdleWatcher({ minutes }: { minutes: number }) {
  const navigate = useNavigate();
  const signOut = useSignOut();
  const lastActivity = useRef(Date.now());
  const warning = useRef(false);
  const [secondsLeft, setSecondsLeft] = useState<number | null>(null);
  const limitMs = Math.max(1, minutes) * 60_000;

  useEffect(() => {
    const onActivity = () => {
      if (warning.current) return; // only「继续使用」ends a shown warning
      const now = Date.now();
      lastActivity.current = now;
      if (now - getLastServerContact() > keepAliveEveryMs) void api.get('/auth/me').catch(() => undefined);
    };
    const events = ['mousedown', 'keydown', 'touchstart', 'wheel', 'scroll', 'mousemove'] as const;
    for (const e of events) window.addEventListener(e, onActivity, { passive: true, capture: true });
    const timer = window.setInterval(() => {
      if (awakeHolders > 0 && !warning.current) lastActivity.current = Date.now();
      const idle = Date.now() - lastActivity.current;
      if (idle >= limitMs) {
        window.clearInterval(timer);
        warning.current = false;
        setSecondsLeft(null);
        void signOut().then(() =>
          navigate('/login', { replace: true, state: { message: `超过${minutes}分钟未操作，已自动退出，请重新登录` } }),
        );
      } else if (idle >= limitMs - warnBeforeMs) {
        warning.current = true;
        setSecondsLeft(Math.ceil((limitMs - idle) / 1000));
      }
    }, 1000);
    return () => {
      window.clearInterval(timer);
      for (const e of events) window.removeEventListener(e, onActivity, { capture: true });
    };
  }, [limitMs, minutes, navigate, signOut]);

  const stay = () => {
    warning.current = false;
    lastActivity.current = Date.now();
    setSecondsLeft(null);
    void api.get('/auth/me').catch(() => undefined);
  };

  return (
    <Modal
      open={secondsLeft !== null}
      title="即将自动退出"
      okText="继续使用"
      cancelButtonProps={{ style: { display: 'none' } }}
      closable={false}
      mask={{ closable: false }}
      onOk={stay}
    >
      您已较长时间未操作。为保护数据安全，系统将在 <b>{secondsLeft ?? 0}</b> 秒后自动退出登录。点击「继续使用」保持登录。
    </Modal>
  );
}
