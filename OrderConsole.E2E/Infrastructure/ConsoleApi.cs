using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json;

namespace OrderConsole.E2E.Infrastructure;

/// <summary>The running console's REST API, signed in with a bearer token the way an integration signs in.</summary>
public sealed class ConsoleApi : IDisposable
{
    private readonly HttpClient _http;

    private ConsoleApi(HttpClient http) => _http = http;

    public static Task<ConsoleApi> SignInAsync(Uri console, string user) => SignInAsync(console, user, "orderconsole");

    public static async Task<ConsoleApi> SignInAsync(Uri console, string user, string password)
    {
        var http = new HttpClient { BaseAddress = console };
        using var response = await http.PostAsJsonAsync("/api/auth/login", new { username = user, password });
        response.EnsureSuccessStatusCode();
        using var token = JsonDocument.Parse(await response.Content.ReadAsStringAsync());
        http.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", token.RootElement.GetProperty("access_token").GetString());
        return new ConsoleApi(http);
    }

    /// <summary>POSTs <paramref name="path"/> (with an optional JSON body) and returns the answer, failing on an error status.</summary>
    public async Task<JsonElement> PostAsync(string path, object? body = null)
    {
        using var response = body is null ? await _http.PostAsync(new Uri(path, UriKind.Relative), null) : await _http.PostAsJsonAsync(path, body);
        return await AnswerAsync("POST", path, response);
    }

    /// <summary>PUTs a JSON body to <paramref name="path"/> and returns the answer, failing on an error status.</summary>
    public async Task<JsonElement> PutAsync(string path, object body)
    {
        using var response = await _http.PutAsJsonAsync(path, body);
        return await AnswerAsync("PUT", path, response);
    }

    public async Task<JsonElement> GetAsync(string path)
    {
        using var json = JsonDocument.Parse(await _http.GetStringAsync(new Uri(path, UriKind.Relative)));
        return json.RootElement.Clone();
    }

    public void Dispose() => _http.Dispose();

    private static async Task<JsonElement> AnswerAsync(string method, string path, HttpResponseMessage response)
    {
        var text = await response.Content.ReadAsStringAsync();
        if (!response.IsSuccessStatusCode)
        {
            throw new InvalidOperationException($"{method} {path} answered {(int)response.StatusCode}: {text}");
        }

        using var json = JsonDocument.Parse(text);
        return json.RootElement.Clone();
    }
}
