using System.Text;
using System.Text.Json;
using Deque.AxeCore.Playwright;
using Microsoft.Playwright;
using OrderConsole.E2E.Infrastructure;
using SkiaSharp;
using Xunit.Abstractions;
using static Microsoft.Playwright.Assertions;

namespace OrderConsole.E2E;

/// <summary>
/// Proof of delivery as people use it: the driver on a phone types the receiver's name, attaches a photo and has the
/// receiver sign on the screen; the dispatcher sees both on the tracker; the customer's page says who signed, by initial.
/// </summary>
[Collection(ConsoleCollection.Name)]
public sealed class ProofOfDeliveryTests(ConsoleFixture fixture, ITestOutputHelper output)
{
    [Fact]
    public async Task A_delivery_with_photo_and_signature_shows_on_the_staff_tracker_and_as_signed_by_on_the_public_page()
    {
        using var api = await ConsoleApi.SignInAsync(fixture.Console.Address, "dispatcher");
        var order = await InTransitWithAnaAsync(api);
        var code = order.GetProperty("supplier_tracking_id").GetString()!;
        await using var phone = await PhoneAsync();
        var desk = await fixture.OpenAsync(phone, "/driver");
        var delivery = desk.GetByRole(AriaRole.Article, new() { Name = $"Delivery {code}" });

        await delivery.GetByLabel("Receiver's name (optional)").FillAsync("Jane Doe");
        var photo = delivery.GetByLabel("Photo of the delivery (optional)");
        await ReadyForFilesAsync(photo);
        await photo.SetInputFilesAsync(new FilePayload { Name = "door.jpg", MimeType = "image/jpeg", Buffer = SmallJpeg() });
        await Expect(delivery.GetByText("Photo chosen: door.jpg")).ToBeVisibleAsync();
        await SignAsync(desk, delivery.GetByRole(AriaRole.Img, new() { Name = "Receiver's signature (optional)" }));
        await AssertAccessibleAsync(desk, "/driver (delivery form filled in)");
        await delivery.GetByRole(AriaRole.Button, new() { Name = $"Mark {code} delivered" }).ClickAsync();
        await Expect(delivery).ToHaveCountAsync(0);

        await using var staff = await fixture.Browser.NewContextAsync();
        await ConsoleSignIn.AsAsync(staff, fixture.Console.Address, "dispatcher");
        var tracker = await fixture.OpenAsync(staff, $"/tracker/{order.GetProperty("id").GetString()}");
        var proof = tracker.GetByRole(AriaRole.Region, new() { Name = "Proof of delivery" });
        await Expect(proof).ToContainTextAsync("Jane Doe");
        await ExpectLoadedAsync(proof.GetByRole(AriaRole.Img, new() { Name = $"Delivery photo of {code}" }));
        await ExpectLoadedAsync(proof.GetByRole(AriaRole.Img, new() { Name = $"Signature of Jane Doe for {code}" }));
        await AssertAccessibleAsync(tracker, "/tracker/{id} (proof of delivery)");

        await using var customer = await fixture.Browser.NewContextAsync();
        var tracking = await customer.NewPageAsync();
        await tracking.GotoAsync(new Uri(fixture.Console.Address, $"/track/{order.GetProperty("tracking_token").GetString()}").ToString());
        await Expect(tracking.GetByRole(AriaRole.Paragraph).Filter(new() { HasText = "Delivered · signed by J." })).ToBeVisibleAsync();
        await Expect(tracking.GetByRole(AriaRole.List, new() { Name = "Timeline" })).ToContainTextAsync("Delivered · signed by J.");
        await Expect(tracking.GetByRole(AriaRole.Img)).ToHaveCountAsync(0);
    }

    [Fact]
    public async Task An_upload_that_is_not_an_image_or_too_large_is_refused_with_a_clear_message_and_nothing_is_stored()
    {
        using var api = await ConsoleApi.SignInAsync(fixture.Console.Address, "dispatcher");
        var order = await InTransitWithAnaAsync(api);
        var code = order.GetProperty("supplier_tracking_id").GetString()!;
        await using var phone = await PhoneAsync();
        var desk = await fixture.OpenAsync(phone, "/driver");
        var delivery = desk.GetByRole(AriaRole.Article, new() { Name = $"Delivery {code}" });
        var photo = delivery.GetByLabel("Photo of the delivery (optional)");
        await ReadyForFilesAsync(photo);

        await photo.SetInputFilesAsync(new FilePayload { Name = "receipt.jpg", MimeType = "image/jpeg", Buffer = Encoding.UTF8.GetBytes("not a photo, only words") });
        await Expect(delivery.GetByRole(AriaRole.Alert)).ToContainTextAsync("That file is not a JPEG, PNG or WebP image");
        await delivery.GetByRole(AriaRole.Button, new() { Name = $"Mark {code} delivered" }).ClickAsync();
        await Expect(delivery.GetByRole(AriaRole.Alert)).ToContainTextAsync("That file is not a JPEG, PNG or WebP image");

        byte[] large = [.. SmallJpeg(), .. new byte[6 * 1024 * 1024]];
        await photo.SetInputFilesAsync(new FilePayload { Name = "huge.jpg", MimeType = "image/jpeg", Buffer = large });
        await Expect(delivery.GetByRole(AriaRole.Alert)).ToContainTextAsync("The photo is larger than 5 MB");
        await delivery.GetByRole(AriaRole.Button, new() { Name = $"Mark {code} delivered" }).ClickAsync();
        await Expect(delivery.GetByRole(AriaRole.Alert)).ToContainTextAsync("The photo is larger than 5 MB");

        var stored = await api.GetAsync($"/api/orders/{order.GetProperty("id").GetString()}");
        Assert.Equal("in_transit", stored.GetProperty("status").GetString());
        Assert.False(stored.TryGetProperty("proof", out _));
    }

    private async Task<IBrowserContext> PhoneAsync()
    {
        var phone = await fixture.Browser.NewContextAsync(new() { ViewportSize = new() { Width = 390, Height = 844 } });
        await ConsoleSignIn.AsAsync(phone, fixture.Console.Address, "driver");
        return phone;
    }

    /// <summary>A Luigi's order on its way with Ana (the demo driver), after delivering whatever she carried.</summary>
    private async Task<JsonElement> InTransitWithAnaAsync(ConsoleApi dispatcher)
    {
        var ana = await dispatcher.GetAsync("/api/drivers/drv-ana");
        if (ana.TryGetProperty("order_id", out var carried) && carried.GetString() is { } carriedId)
        {
            if ((await dispatcher.GetAsync($"/api/orders/{carriedId}")).GetProperty("status").GetString() == "dispatched")
            {
                await dispatcher.PostAsync($"/api/orders/{carriedId}/status?status=in_transit");
            }

            await dispatcher.PostAsync($"/api/orders/{carriedId}/status?status=delivered");
        }

        using var supplier = await ConsoleApi.SignInAsync(fixture.Console.Address, "supplier1");
        using var customer = await ConsoleApi.SignInAsync(fixture.Console.Address, "customer");
        var id = (await supplier.PostAsync("/api/orders", new { pizza_name = "Margherita", supplier_price = 10m })).GetProperty("id").GetString();
        await supplier.PostAsync($"/api/orders/{id}/supplier-respond?accept=true&estimated_time=30");
        await customer.PostAsync($"/api/orders/{id}/customer-accept?customer_name=Jane%20Doe&delivery_address=1%20Main%20St");
        await supplier.PostAsync($"/api/orders/{id}/status?status=preparing");
        await supplier.PostAsync($"/api/orders/{id}/status?status=ready");
        await dispatcher.PostAsync($"/api/orders/{id}/dispatch?driver_id=drv-ana");
        return await dispatcher.PostAsync($"/api/orders/{id}/status?status=in_transit");
    }

    /// <summary>Signs with the mouse as a finger would: press, a zigzag across the box, release.</summary>
    private static async Task SignAsync(IPage page, ILocator pad)
    {
        var box = await pad.BoundingBoxAsync() ?? throw new InvalidOperationException("the signature box is not on the screen");
        await page.Mouse.MoveAsync(box.X + 20, box.Y + (box.Height * 0.7f));
        await page.Mouse.DownAsync();
        foreach (var (x, y) in new[] { (0.3f, 0.3f), (0.5f, 0.7f), (0.7f, 0.3f), (0.9f, 0.6f) })
        {
            await page.Mouse.MoveAsync(box.X + (box.Width * x), box.Y + (box.Height * y), new() { Steps = 5 });
        }

        await page.Mouse.UpAsync();
    }

    /// <summary>The image is shown and the browser could decode what the server sent for it.</summary>
    /// <summary>
    /// Waits until the page's file input is wired to its circuit, as a person picking a photo always finds it: the input
    /// is prerendered, and Blazor attaches its change handler (marking the element) only after the first interactive
    /// render; a file set before that is a change nobody hears.
    /// </summary>
    private static Task ReadyForFilesAsync(ILocator input) =>
        Expect(input).ToHaveJSPropertyAsync("_blazorInputFileNextFileId", 0);

    private static async Task ExpectLoadedAsync(ILocator image)
    {
        await Expect(image).ToBeVisibleAsync();
        await image.ScrollIntoViewIfNeededAsync();
        await Expect(image).ToHaveJSPropertyAsync("complete", true);
        Assert.True(await image.EvaluateAsync<int>("img => img.naturalWidth") > 0, "the image did not load");
    }

    /// <summary>A real 120×90 JPEG, made here.</summary>
    private static byte[] SmallJpeg()
    {
        using var bitmap = new SKBitmap(120, 90);
        using (var canvas = new SKCanvas(bitmap))
        {
            canvas.Clear(SKColors.SteelBlue);
        }

        using var image = SKImage.FromBitmap(bitmap);
        using var data = image.Encode(SKEncodedImageFormat.Jpeg, 85);
        return data.ToArray();
    }

    private async Task AssertAccessibleAsync(IPage page, string what)
    {
        var result = await page.RunAxe();
        var failing = result.Violations.Where(violation => violation.Impact is "serious" or "critical").ToList();
        foreach (var violation in result.Violations)
        {
            output.WriteLine($"axe on {what}: {violation.Id} ({violation.Impact}): {violation.Help}");
        }

        Assert.True(failing.Count == 0, string.Join('\n', failing.SelectMany(violation => violation.Nodes.Take(3).Select(node => $"{what}: {violation.Id}: {node.Html}"))));
    }
}
