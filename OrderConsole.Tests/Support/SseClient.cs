using System.Net;
using System.Net.Http.Headers;
using System.Net.ServerSentEvents;

namespace OrderConsole.Tests.Support;

/// <summary>Opens the staff event stream and reads it event by event, skipping heartbeats.</summary>
public static class SseClient
{
    public static async Task<EventStream> OpenAsync(HttpClient client, string? lastEventId)
    {
        var request = new HttpRequestMessage(HttpMethod.Get, ApiClient.Path("/api/events/stream"));
        request.Headers.Accept.Add(new MediaTypeWithQualityHeaderValue("text/event-stream"));
        if (lastEventId is not null)
        {
            request.Headers.Add("Last-Event-ID", lastEventId);
        }

        var response = await client.SendAsync(request, HttpCompletionOption.ResponseHeadersRead);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("text/event-stream", response.Content.Headers.ContentType?.MediaType);
        return new EventStream(response, await response.Content.ReadAsStreamAsync());
    }

    /// <summary>An open SSE response read event by event, skipping heartbeats.</summary>
    public sealed class EventStream(HttpResponseMessage response, Stream body) : IDisposable
    {
        private readonly IAsyncEnumerator<SseItem<string>> _items = SseParser.Create(body).EnumerateAsync().GetAsyncEnumerator();

        public async Task<SseItem<string>> NextAsync(Func<SseItem<string>, bool> wanted)
        {
            using var timeout = new CancellationTokenSource(Eventually.Patience);
            while (await _items.MoveNextAsync().AsTask().WaitAsync(timeout.Token))
            {
                if (_items.Current.EventType != "heartbeat" && wanted(_items.Current))
                {
                    return _items.Current;
                }
            }

            throw new InvalidOperationException("the stream ended");
        }

        public async Task<List<SseItem<string>>> TakeAsync(int count)
        {
            var items = new List<SseItem<string>>();
            while (items.Count < count)
            {
                items.Add(await NextAsync(_ => true));
            }

            return items;
        }

        public void Dispose()
        {
            body.Dispose();
            response.Dispose();
        }
    }
}
