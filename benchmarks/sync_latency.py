"""How fast does a change reach everyone else on the board? A load test over the live API (docs/live-api.md).

    .venv/bin/python benchmarks/sync_latency.py [--clients 20] [--rate 10] [--seconds 30] [--board ID]
        [--url ws://HOST:PORT --database-url URL [--pid PID]] [--no-deflate] [--dump latencies.json]

Without --url it starts its own `planbord serve` on a temporary SQLite file (tests/server.py) and uses the demo
board. N clients connect (one token each) and create one note each; then every client moves its own note
`rate` times a second for `seconds` seconds (one update per push, open loop: a slow server does not slow the
senders down). Every client notes when each commit arrives; the send time of a push is in its cid, and its ack
gives its seq, so each arrival at every *other* client yields one send → arrival latency. All clients live in
this one process, so their `perf_counter` clocks agree.

With --url, tokens are issued in --database-url (the server's database); --pid lets it read
the server's memory and CPU from /proc. The report also gives this process's own CPU and event-loop lag (if
those are high, the clients are the bottleneck, not the server) and how busy the rest of the machine was.
"""
from __future__ import annotations

import argparse
import asyncio
import contextlib
import importlib.util
import json
import math
import os
import random
import sys
import tempfile
import time
from dataclasses import dataclass, field
from pathlib import Path

from websockets.asyncio.client import ClientConnection, connect
from websockets.exceptions import ConnectionClosed

from board import tokens
from board.identity import Actor, Role
from board.store import Store

ROOT = Path(__file__).resolve().parent.parent
NS_PER_MS = 1_000_000


@dataclass(eq=False)
class Client:
    index: int
    ws: ClientConnection
    actor_id: str
    note_id: str
    acks: list[tuple[str, int, int]] = field(default_factory=list)
    """(cid, seq, arrival ns) for this client's own pushes."""
    arrivals: list[tuple[int, int]] = field(default_factory=list)
    """(seq, arrival ns) of commits made by *other* clients."""
    problems: list[str] = field(default_factory=list)
    max_seq: int = 0
    closed_by_server: int | None = None


def rss_kib(pid: int | None) -> int | None:
    if pid is None:
        return None
    for line in Path(f'/proc/{pid}/status').read_text().splitlines():
        if line.startswith('VmRSS:'):
            return int(line.split()[1])
    return None


def cpu_seconds(pid: int | None) -> float | None:
    if pid is None:
        return None
    fields = Path(f'/proc/{pid}/stat').read_text().rsplit(')', 1)[1].split()
    return (int(fields[11]) + int(fields[12])) / os.sysconf('SC_CLK_TCK')


def machine_busy_seconds() -> tuple[float, float]:
    """CPU seconds all cores spent busy, and in total, since boot (/proc/stat)."""
    ticks = [int(v) for v in Path('/proc/stat').read_text().split('\n', 1)[0].split()[1:]]
    hz = os.sysconf('SC_CLK_TCK')
    return (sum(ticks) - ticks[3] - ticks[4]) / hz, sum(ticks) / hz


def percentile(sorted_values: list[float], q: float) -> float:
    """Nearest rank: the smallest value with at least q of all values at or below it."""
    return sorted_values[max(0, math.ceil(q * len(sorted_values)) - 1)] if sorted_values else float('nan')


async def read(client: Client) -> None:
    """Take in everything the server sends this client; as little work per message as possible."""
    try:
        async for raw in client.ws:
            arrived = time.perf_counter_ns()
            message = json.loads(raw)
            kind = message['type']
            if kind == 'commit':
                client.max_seq = max(client.max_seq, message['seq'])
                if message['by'] != client.actor_id:
                    client.arrivals.append((message['seq'], arrived))
            elif kind == 'ack':
                client.acks.append((message['cid'], message['seq'], arrived))
            elif kind in {'reject', 'error'}:
                client.problems.append(raw[:200])
    except ConnectionClosed as closed:
        client.closed_by_server = closed.rcvd.code if closed.rcvd else None


async def send_moves(client: Client, rate: int, seconds: float, start_ns: int) -> None:
    """`rate` one-op moves a second on a fixed schedule, with a random phase so clients do not send in lockstep."""
    interval = 1e9 / rate
    first = start_ns + random.random() * interval
    for n in range(round(rate * seconds)):
        delay = (first + n * interval - time.perf_counter_ns()) / 1e9
        if delay > 0:
            await asyncio.sleep(delay)
        sent = time.perf_counter_ns()
        await client.ws.send(json.dumps({'type': 'push', 'cid': f'{client.index}-{n}-{sent}', 'ops': [
            {'op': 'update', 'id': client.note_id, 'props': {'x': n % 1000, 'y': client.index * 10}}]}))


async def watch_loop_lag(lags: list[float], stop: asyncio.Event) -> None:
    """How late this process's own event loop wakes up: if it is large, the clients, not the server, are slow."""
    while not stop.is_set():
        before = time.perf_counter()
        await asyncio.sleep(0.01)
        lags.append((time.perf_counter() - before - 0.01) * 1000)


async def wait_until(condition, timeout: float) -> bool:
    deadline = time.monotonic() + timeout
    while not condition():
        if time.monotonic() > deadline:
            return False
        await asyncio.sleep(0.05)
    return True


async def run(args: argparse.Namespace, ws_url: str, board_id: str, store: Store, pid: int | None) -> None:
    base = f'{ws_url}/api/boards/{board_id}/live?token='
    run_id = f'{random.randrange(16**6):06x}'

    def token(i: int) -> str:
        actor = Actor(id=f'bench-{run_id}-{i}', name=f'Bench {i}', role=Role.PROFESSIONAL)
        return tokens.issue(store, board_id, actor, ttl_seconds=3600)

    async with connect(base + token(-1)) as warm_up:  # loads the board into the server before we measure
        await warm_up.recv()
    await asyncio.sleep(0.5)
    rss_before = rss_kib(pid)
    compression = None if args.no_deflate else 'deflate'  # browsers offer permessage-deflate, so we do by default
    sockets = [await connect(base + token(i), max_size=None, compression=compression) for i in range(args.clients)]
    clients = []
    for i, ws in enumerate(sockets):
        welcome = json.loads(await ws.recv())
        clients.append(Client(i, ws, welcome['you']['id'], f'bench-{run_id}-{i}', max_seq=welcome['seq']))
    await asyncio.sleep(0.5)
    rss_connected = rss_kib(pid)
    readers = [asyncio.create_task(read(c)) for c in clients]
    for c in clients:
        await c.ws.send(json.dumps({'type': 'push', 'cid': f'create-{c.index}', 'ops': [
            {'op': 'create', 'id': c.note_id, 'type': 'note', 'props': {'text': f'Bench {c.index}', 'x': 0, 'y': 0}}]}))
    if not await wait_until(lambda: all(c.acks for c in clients), 10):
        raise SystemExit(f'setup failed: {[p for c in clients for p in c.problems][:3]}')
    for c in clients:
        c.acks.clear()
        c.arrivals.clear()

    lags: list[float] = []
    stop = asyncio.Event()
    lag_task = asyncio.create_task(watch_loop_lag(lags, stop))
    cpu_client, cpu_server, wall = time.process_time(), cpu_seconds(pid), time.perf_counter()
    machine = machine_busy_seconds()
    start_ns = time.perf_counter_ns() + 50 * NS_PER_MS
    unix_offset = time.time() - time.perf_counter_ns() / 1e9
    await asyncio.gather(*(send_moves(c, args.rate, args.seconds, start_ns) for c in clients))
    expected = round(args.rate * args.seconds)
    all_acked = await wait_until(lambda: all(len(c.acks) >= expected or c.closed_by_server for c in clients), 30)
    last_seq = max((seq for c in clients for _, seq, _ in c.acks), default=0)
    all_arrived = await wait_until(lambda: all(c.max_seq >= last_seq or c.closed_by_server for c in clients), 30)
    wall = time.perf_counter() - wall
    cpu_client = time.process_time() - cpu_client
    cpu_server = cpu_seconds(pid) - cpu_server if pid else None
    machine = [after - before for after, before in zip(machine_busy_seconds(), machine)]
    stop.set()
    await lag_task
    rss_after = rss_kib(pid)
    for c in clients:
        await c.ws.close()
    for reader in readers:
        reader.cancel()
    await asyncio.gather(*readers, return_exceptions=True)

    own = [(int(cid.rsplit('-', 1)[1]), seq, arrived) for c in clients for cid, seq, arrived in c.acks]
    sent_at = {seq: sent for sent, seq, _ in own}
    ack_ms = sorted((arrived - sent) / NS_PER_MS for sent, _, arrived in own)
    delivery_ms = sorted((arrived - sent_at[seq]) / NS_PER_MS for c in clients for seq, arrived in c.arrivals
                         if seq in sent_at)
    acks = len(ack_ms)
    first_send = min(sent_at.values(), default=start_ns)
    last_ack = max((arrived for c in clients for _, _, arrived in c.acks), default=first_send)
    duration = (last_ack - first_send) / 1e9 or float('nan')
    problems = [p for c in clients for p in c.problems]
    closed = [c.closed_by_server for c in clients if c.closed_by_server]

    def ms(values: list[float]) -> str:
        quantiles = '  '.join(f'{name} {percentile(values, q):.1f}'
                              for name, q in (('p50', .5), ('p95', .95), ('p99', .99)))
        return f'{quantiles}  max {max(values, default=float("nan")):.1f} ms'

    lags.sort()
    print(f'planbord sync latency: {args.clients} clients x {args.rate} moves/s for {args.seconds:g} s '
          f'on board {board_id}')
    print(f'pushes sent: {expected * args.clients}   acked: {acks}   rejects/errors: {len(problems)}'
          f'   closed by server: {len(closed)}' + ('' if all_acked and all_arrived else '   (TIMED OUT waiting)'))
    print(f'deliveries: {len(delivery_ms)} of {acks * (args.clients - 1)} expected (each commit at every other client)')
    print(f'delivery latency (send -> other client): {ms(delivery_ms)}')
    print(f'p99 latency: {percentile(delivery_ms, .99):.1f} ms   (target < 50 ms: '
          f'{"met" if percentile(delivery_ms, .99) < 50 else "MISSED"})')
    print(f'ack latency (send -> own ack): p50 {percentile(ack_ms, .5):.1f}  p99 {percentile(ack_ms, .99):.1f} ms')
    print(f'throughput: {acks / duration:.1f} operations committed/s over {duration:.1f} s')
    if rss_before is not None:
        print(f'server memory: {rss_before / 1024:.1f} MiB before, {rss_connected / 1024:.1f} MiB with '
              f'{args.clients} clients, {rss_after / 1024:.1f} MiB after the run')
        print(f'server memory per connected client: {(rss_connected - rss_before) / args.clients:.0f} KiB'
              f'   (after the run: {(rss_after - rss_before) / args.clients:.0f} KiB)')
        print(f'server CPU: {cpu_server / wall * 100:.0f}% of one core')
    print(f'benchmark process CPU: {cpu_client / wall * 100:.0f}% of one core; its event loop lag '
          f'p50 {percentile(lags, .5):.1f}  p99 {percentile(lags, .99):.1f}  max {max(lags, default=0):.1f} ms')
    others = machine[0] - cpu_client - (cpu_server or 0)
    print(f'everything else on this machine: {others / wall * 100:.0f}% of one core '
          f'({os.cpu_count()} cores; the whole machine {machine[0] / machine[1] * 100:.0f}% busy)')
    for problem in problems[:5]:
        print(f'  problem: {problem}')
    if args.dump:
        args.dump.write_text(json.dumps({
            'deliveries': sorted([(sent_at[seq] - first_send) / NS_PER_MS, (arrived - sent_at[seq]) / NS_PER_MS]
                                 for c in clients for seq, arrived in c.arrivals if seq in sent_at),
            'acks': sorted([(sent - first_send) / NS_PER_MS, seq, (arrived - sent) / NS_PER_MS]
                           for sent, seq, arrived in own),
            'first_send_unix': first_send / 1e9 + unix_offset, 'loop_lag_ms': lags}))


def load_running_server():
    spec = importlib.util.spec_from_file_location('planbord_test_server', ROOT / 'tests' / 'server.py')
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module.running_server


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split('\n\n')[0])
    parser.add_argument('--clients', type=int, default=20)
    parser.add_argument('--rate', type=int, default=10, help='moves per second per client')
    parser.add_argument('--seconds', type=float, default=30)
    parser.add_argument('--url', help='ws://HOST:PORT of a running server (default: start one)')
    parser.add_argument('--database-url', default=os.environ.get('PLANBORD_DATABASE_URL', 'sqlite:///planbord.sqlite3'),
                        help="with --url: the server's database, to issue tokens in and find the demo board")
    parser.add_argument('--board', help='board id (default: the oldest board, the demo board of a first start)')
    parser.add_argument('--pid', type=int, help='with --url: the server process, to read its memory and CPU')
    parser.add_argument('--no-deflate', action='store_true', help='do not offer permessage-deflate compression')
    parser.add_argument('--dump', type=Path, help='write every latency with its send time to this JSON file')
    args = parser.parse_args()
    if args.clients < 2:
        parser.error('--clients must be at least 2 (latency is measured at the other clients)')

    with contextlib.ExitStack() as stack:
        if args.url:
            ws_url, database_url, pid = args.url.rstrip('/'), args.database_url, args.pid
        else:
            folder = stack.enter_context(tempfile.TemporaryDirectory(prefix='planbord-bench-'))
            database_url = f'sqlite:///{folder}/bench.sqlite3'
            server = stack.enter_context(load_running_server()(database_url))
            ws_url, pid = server.ws_url, server.pid
        print(f'server {ws_url}' + (f' (pid {pid}: attach a profiler, e.g. py-spy record -p {pid})' if pid else ''),
              flush=True)
        store = Store(database_url)
        stack.callback(store.close)
        board_id = args.board or store.list_boards()[-1].id
        asyncio.run(asyncio.wait_for(run(args, ws_url, board_id, store, pid), args.seconds + 120))


if __name__ == '__main__':
    sys.exit(main())
