using System.Net.Security;
using System.Net.Sockets;

namespace OrderConsole.Core.Redis;

/// <summary>Opens the byte stream to the server: a TCP socket with keep-alive, wrapped in TLS when asked.</summary>
internal static class RedisTransport
{
    public static async Task<Stream> ConnectAsync(RedisConnectionOptions options, CancellationToken cancellationToken)
    {
        var endpoint = $"{options.Host}:{options.Port}";
        using var deadline = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        deadline.CancelAfter(options.ConnectTimeout);
        var socket = new Socket(SocketType.Stream, ProtocolType.Tcp) { NoDelay = true };
        Stream? stream = null;
        try
        {
            // TCP keep-alive finds a dead peer even while commands keep the connection busy (the heartbeat only runs when idle).
            socket.SetSocketOption(SocketOptionLevel.Socket, SocketOptionName.KeepAlive, true);
            socket.SetSocketOption(SocketOptionLevel.Tcp, SocketOptionName.TcpKeepAliveTime, 15);
            socket.SetSocketOption(SocketOptionLevel.Tcp, SocketOptionName.TcpKeepAliveInterval, 5);
            socket.SetSocketOption(SocketOptionLevel.Tcp, SocketOptionName.TcpKeepAliveRetryCount, 3);
            await socket.ConnectAsync(options.Host, options.Port, deadline.Token);
            stream = new NetworkStream(socket, ownsSocket: true);
            if (options.Ssl)
            {
                var ssl = new SslStream(stream, leaveInnerStreamOpen: false);
                stream = ssl;
                await ssl.AuthenticateAsClientAsync(new SslClientAuthenticationOptions { TargetHost = options.Host }, deadline.Token);
            }

            return stream;
        }
        catch (OperationCanceledException) when (!cancellationToken.IsCancellationRequested)
        {
            await DisposeAsync(stream, socket);
            throw new RedisConnectionException(
                $"could not connect to {endpoint} within {(long)options.ConnectTimeout.TotalMilliseconds} ms");
        }
        catch (Exception ex) when (ex is SocketException or IOException or System.Security.Authentication.AuthenticationException)
        {
            await DisposeAsync(stream, socket);
            throw new RedisConnectionException($"could not connect to {endpoint}: {ex.Message}", ex);
        }
        catch
        {
            await DisposeAsync(stream, socket);
            throw;
        }
    }

    private static async ValueTask DisposeAsync(Stream? stream, Socket socket)
    {
        if (stream is not null)
        {
            await stream.DisposeAsync();
        }

        socket.Dispose();
    }
}
