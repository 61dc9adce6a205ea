"""PyKX's asynchronous "q server" example, run with openq (asyncio drives the C loop).

    python examples/server_async.py [port]
"""
import asyncio
import sys

import openq as kx


def qval(query):
    res = kx.q.value(query)
    print(f'{query}\n{res}\n', flush=True)
    return res


async def main(port):
    kx.q.z.pg = qval
    kx.q.z.ps = qval
    async with kx.RawQConnection(port=port, as_server=True, conn_gc_time=10.0) as q:
        print(f'serving on {q.port}', flush=True)
        while True:
            await q.poll_recv_async()


if __name__ == '__main__':
    asyncio.run(main(int(sys.argv[1]) if len(sys.argv) > 1 else 5000))
