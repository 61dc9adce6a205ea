"""PyKX's "q server" example, run with openq: no licence needed.

    python examples/server.py [port]

Prints every query and its result before replying.  Set OPENQ_EXAMPLE_PW=1 to require
the password 'password' (a Python .z.pw).
"""
import os
import sys

import openq as kx


def qval(query):
    res = kx.q.value(query)
    print(f'{query}\n{res}\n', flush=True)
    return res


def validate(user, password):
    return password == 'password'


def main(port):
    kx.q.z.pg = qval
    kx.q.z.ps = qval
    if os.environ.get('OPENQ_EXAMPLE_PW'):
        kx.q.z.pw = validate
    with kx.RawQConnection(port=port, as_server=True, conn_gc_time=20.0) as q:
        print(f'serving on {q.port}', flush=True)
        while True:
            q.poll_recv()


if __name__ == '__main__':
    main(int(sys.argv[1]) if len(sys.argv) > 1 else 5000)
