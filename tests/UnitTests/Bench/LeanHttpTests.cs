using System.Net;
using System.Net.Sockets;
using System.Text;
using OrderActors.Bench;

namespace OrderActors.Tests.Bench;

/// <summary>
/// The load generator's HTTP client against a loopback server that answers with set bytes: bodies by length and
/// chunked (arriving in pieces), kept-alive and closed connections, and a server gone mid-answer.
/// </summary>
public sealed class LeanHttpTests : IAsyncLifetime
{
    private readonly TcpListener _listener = new(IPAddress.Loopback, 0);
    private readonly List<string> _requests = [];
    private readonly Queue<Func<NetworkStream, Task>> _answers = new();
    private int _connections;
    private Task? _serving;

    private Uri Address => new($"http://localhost:{((IPEndPoint)_listener.LocalEndpoint).Port}");

    public Task InitializeAsync()
    {
        _listener.Start();
        _serving = Serve();
        return Task.CompletedTask;
    }

    public async Task DisposeAsync()
    {
        _listener.Stop();
        await Task.WhenAny(_serving!, Task.Delay(1000));
    }

    /// <summary>Each connection reads one request at a time and answers it with the next queued answer.</summary>
    private async Task Serve()
    {
        while (true)
        {
            TcpClient client;
            try
            {
                client = await _listener.AcceptTcpClientAsync();
            }
            catch (Exception ex) when (ex is SocketException or ObjectDisposedException)
            {
                return;
            }

            Interlocked.Increment(ref _connections);
            _ = Task.Run(async () =>
            {
                using var _ = client;
                var stream = client.GetStream();
                var buffer = new byte[8192];
                while (true)
                {
                    var received = await stream.ReadAsync(buffer);
                    if (received == 0)
                    {
                        return;
                    }

                    Func<NetworkStream, Task> answer;
                    lock (_requests)
                    {
                        _requests.Add(Encoding.ASCII.GetString(buffer, 0, received));
                        answer = _answers.Dequeue();
                    }

                    try
                    {
                        await answer(stream);
                    }
                    catch (IOException)
                    {
                        return;
                    }

                    if (!client.Connected)
                    {
                        return;
                    }
                }
            });
        }
    }

    private void Answer(Func<NetworkStream, Task> answer)
    {
        lock (_requests)
        {
            _answers.Enqueue(answer);
        }
    }

    private void Answer(string bytes) => Answer(stream => stream.WriteAsync(Encoding.ASCII.GetBytes(bytes)).AsTask());

    [Fact]
    public async Task A_body_by_length_and_a_chunked_one_in_pieces_are_read_whole_over_one_kept_alive_connection()
    {
        using var http = new LeanHttp(Address, "key-1", 4);
        Answer("HTTP/1.1 201 Created\r\nContent-Type: application/json; charset=utf-8\r\nContent-Length: 13\r\n\r\n{\"id\":\"o-1\"}\n");
        Answer(async stream =>
        {
            foreach (var piece in new[] { "HTTP/1.1 409 Conflict\r\nTransfer-Encoding: chu", "nked\r\nContent-Type: application/problem+json\r\n\r\n5\r\n{\"a\":", "\r\n3\r\n1}\n\r\n", "0\r\n\r\n" })
            {
                await stream.WriteAsync(Encoding.ASCII.GetBytes(piece));
                await stream.FlushAsync();
                await Task.Delay(20);
            }
        });

        var created = await http.Send(HttpMethod.Post, "/api/orders", "{\"sku\":\"A\"}"u8.ToArray(), wantBody: true);
        var refused = await http.Send(HttpMethod.Get, "/api/orders/o-1", null, wantBody: true);

        Assert.Equal(HttpStatusCode.Created, created.Status);
        Assert.Equal("{\"id\":\"o-1\"}\n", Encoding.ASCII.GetString(created.Body!));
        Assert.Equal("application/json", created.MediaType);
        Assert.Equal(HttpStatusCode.Conflict, refused.Status);
        Assert.Equal("{\"a\":1}\n", Encoding.ASCII.GetString(refused.Body!));
        Assert.Equal("application/problem+json", refused.MediaType);
        Assert.Equal(1, _connections);
        Assert.StartsWith("POST /api/orders HTTP/1.1\r\n", _requests[0], StringComparison.Ordinal);
        Assert.Contains("Authorization: Bearer key-1\r\n", _requests[0], StringComparison.Ordinal);
        Assert.Contains("Content-Length: 11\r\n", _requests[0], StringComparison.Ordinal);
        Assert.EndsWith("\r\n\r\n{\"sku\":\"A\"}", _requests[0], StringComparison.Ordinal);
        Assert.StartsWith("GET /api/orders/o-1 HTTP/1.1\r\n", _requests[1], StringComparison.Ordinal);
    }

    [Fact]
    public async Task An_answer_that_closes_its_connection_and_a_kept_alive_one_the_server_dropped_each_lead_to_a_new_connection()
    {
        using var http = new LeanHttp(Address, "key-1", 4);
        Answer("HTTP/1.1 200 OK\r\nConnection: close\r\nContent-Length: 2\r\n\r\nok");
        Answer("HTTP/1.1 204 No Content\r\n\r\n");
        Answer(stream =>
        {
            // The server drops this kept-alive connection instead of answering: the request goes again on a new one.
            stream.Socket.Close();
            return Task.CompletedTask;
        });
        Answer("HTTP/1.1 200 OK\r\nContent-Length: 0\r\n\r\n");

        Assert.Equal(HttpStatusCode.OK, (await http.Send(HttpMethod.Get, "/a", null, wantBody: false)).Status);
        Assert.Equal(HttpStatusCode.NoContent, (await http.Send(HttpMethod.Get, "/b", null, wantBody: false)).Status);
        Assert.Equal(HttpStatusCode.OK, (await http.Send(HttpMethod.Get, "/c", null, wantBody: false)).Status);

        Assert.Equal(3, _connections);
        Assert.Equal(4, _requests.Count);
    }

    [Fact]
    public async Task A_server_gone_mid_answer_is_a_transport_failure()
    {
        using var http = new LeanHttp(Address, "key-1", 4);
        Answer(async stream =>
        {
            await stream.WriteAsync("HTTP/1.1 200 OK\r\nContent-Length: 100\r\n\r\nonly part"u8.ToArray());
            stream.Socket.Close();
        });

        await Assert.ThrowsAsync<HttpRequestException>(() => http.Send(HttpMethod.Get, "/a", null, wantBody: true));
    }
}
