"""Run inside each notebook kernel at start-up (``IPKernelApp.exec_files``): no network.

The test process's socket guard (tests/conftest.py) does not reach the kernel subprocess, so
the kernel gets the same rule: only loopback and Unix sockets may be connected to, and only
loopback names resolved.  (GDAL/curl do not use Python sockets; the test also points the
proxy variables at a dead local port for them.)  Everything is inside one function so that
nothing but ``_tpm_offline`` lands in the notebook's namespace.
"""


def _tpm_offline() -> None:
    import ipaddress
    import socket

    connect, connect_ex, getaddrinfo = (
        socket.socket.connect,
        socket.socket.connect_ex,
        socket.getaddrinfo,
    )

    def local(address) -> bool:
        if isinstance(address, (str, bytes)):  # AF_UNIX
            return True
        host = address[0]
        if host == "localhost":
            return True
        try:
            return ipaddress.ip_address(host).is_loopback
        except ValueError:
            return False

    def guard_connect(self, address):
        if not local(address):
            raise OSError(f"notebook tried to reach the network: {address!r}")
        return connect(self, address)

    def guard_connect_ex(self, address):
        if not local(address):
            raise OSError(f"notebook tried to reach the network: {address!r}")
        return connect_ex(self, address)

    def guard_getaddrinfo(host, *args, **kwargs):
        if host not in (None, "localhost") and not local((host, 0)):
            raise OSError(f"notebook tried to resolve a remote host: {host!r}")
        return getaddrinfo(host, *args, **kwargs)

    socket.socket.connect = guard_connect
    socket.socket.connect_ex = guard_connect_ex
    socket.getaddrinfo = guard_getaddrinfo


_tpm_offline()
