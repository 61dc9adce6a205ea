"""Remote function execution against an openq server:

    openq -p 5050 examples/setup.q      # in one shell
    python examples/remote.py 5050      # in another
"""
import sys

from openq.remote import function, session

port = int(sys.argv[1]) if len(sys.argv) > 1 else 5050
remote_session = session()
remote_session.create(host='localhost', port=port, username='user', password='password')


@function(remote_session)
def single_arg_function(x):
    return x + 10


print(single_arg_function(10))

remote_session.add_library('numpy', 'pykx')


@function(remote_session)
def dependent_function(x, y, z):
    return pykx.q.mavg(4, numpy.linspace(x, y, z))  # noqa: F821 (imported on the server)


print(dependent_function(0, 10, 10))
