using System.Net;
using System.Net.Sockets;

namespace ContactKit.EntityFrameworkCore.Tests;

/// <summary>
/// Forwards connections from a port on 127.0.0.1 to the database server, and can be switched to refuse them for a while,
/// as a database that is down or unreachable does: <see cref="Refuse"/> stops listening (a new connection is refused)
/// and drops every forwarded connection (a pooled connection breaks at its next use); <see cref="Accept"/> listens again
/// on the same port.
/// </summary>
internal sealed class TcpForwarder : IDisposable
{
    private readonly string _host;
    private readonly int _targetPort;
    private readonly Lock _gate = new();
    private readonly List<TcpClient> _open = [];
    private readonly CancellationTokenSource _disposed = new();
    private TcpListener? _listener;

    public TcpForwarder(string host, int port)
    {
        (_host, _targetPort) = (host, port);
        Port = ((IPEndPoint)Listen(0).LocalEndpoint).Port;
    }

    /// <summary>The port the forwarder listens on.</summary>
    public int Port { get; }

    /// <summary>Refuses new connections and drops the forwarded ones.</summary>
    public void Refuse()
    {
        lock (_gate)
        {
            _listener?.Stop();
            _listener = null;
            foreach (var client in _open)
            {
                try
                {
                    client.Client.LingerState = new LingerOption(true, 0); // closed with a reset, as a failed server's are
                }
                catch (SocketException)
                {
                }

                client.Dispose();
            }

            _open.Clear();
        }
    }

    /// <summary>Accepts and forwards connections again.</summary>
    public void Accept()
    {
        lock (_gate)
        {
            _listener ??= Listen(Port);
        }
    }

    /// <inheritdoc />
    public void Dispose()
    {
        _disposed.Cancel();
        Refuse();
        _disposed.Dispose();
    }

    private TcpListener Listen(int port)
    {
        var listener = new TcpListener(IPAddress.Loopback, port);
        listener.Server.SetSocketOption(SocketOptionLevel.Socket, SocketOptionName.ReuseAddress, true);
        listener.Start();
        _listener = listener;
        _ = AcceptAsync(listener);
        return listener;
    }

    private async Task AcceptAsync(TcpListener listener)
    {
        try
        {
            while (true)
            {
                _ = ForwardAsync(await listener.AcceptTcpClientAsync(_disposed.Token));
            }
        }
        catch (Exception e) when (e is SocketException or ObjectDisposedException or OperationCanceledException or InvalidOperationException)
        {
            // Stopped listening.
        }
    }

    private async Task ForwardAsync(TcpClient client)
    {
        using var server = new TcpClient();
        try
        {
            await server.ConnectAsync(_host, _targetPort, _disposed.Token);
            lock (_gate)
            {
                if (_listener is null)
                {
                    client.Dispose();
                    return;
                }

                _open.Add(client);
                _open.Add(server);
            }

            var up = PumpAsync(client, server);
            var down = PumpAsync(server, client);
            await Task.WhenAny(up, down);
        }
        catch (Exception e) when (e is SocketException or IOException or ObjectDisposedException or OperationCanceledException)
        {
        }
        finally
        {
            lock (_gate)
            {
                _open.Remove(client);
                _open.Remove(server);
            }

            client.Dispose();
        }
    }

    private async Task PumpAsync(TcpClient from, TcpClient to)
    {
        try
        {
            await from.GetStream().CopyToAsync(to.GetStream(), _disposed.Token);
        }
        catch (Exception e) when (e is SocketException or IOException or ObjectDisposedException or OperationCanceledException)
        {
        }
    }
}
