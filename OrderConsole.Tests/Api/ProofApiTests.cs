using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using Microsoft.AspNetCore.Mvc.Testing;
using OrderConsole.Tests.Hubs;
using OrderConsole.Tests.Proof;
using OrderConsole.Tests.Support;

namespace OrderConsole.Tests.Api;

/// <summary>
/// Proof of delivery over HTTP: the driver delivers with a multipart upload, staff who may see the order get the images
/// (never cached, never sniffed), everyone else gets 401, 403 or 404, and the public tracking link shows only an initial.
/// </summary>
public sealed class ProofApiTests(WebApplicationFactory<Program> factory) : IClassFixture<WebApplicationFactory<Program>>
{
    [Fact]
    public async Task The_driver_delivers_with_photo_signature_and_name_and_the_dispatcher_gets_the_photo_uncached()
    {
        var id = await DeliveredWithProofAsync();
        using var dispatcher = await ApiClient.AsAsync(factory, "dispatcher");

        using var photo = await dispatcher.GetAsync(ApiClient.Path($"/api/orders/{id}/proof/photo"));

        Assert.Equal(HttpStatusCode.OK, photo.StatusCode);
        Assert.Equal("image/jpeg", photo.Content.Headers.ContentType?.MediaType);
        Assert.Equal((true, true, false), (photo.Headers.CacheControl!.Private, photo.Headers.CacheControl.NoStore, photo.Headers.CacheControl.Public));
        Assert.Equal("nosniff", photo.Headers.GetValues("X-Content-Type-Options").Single());
        Assert.False(TestImages.Contains(await photo.Content.ReadAsByteArrayAsync(), TestImages.SecretInMetadata));
    }

    [Fact]
    public async Task The_orders_own_supplier_gets_the_signature()
    {
        var id = await DeliveredWithProofAsync();
        using var supplier = await ApiClient.AsAsync(factory, "supplier1");

        using var signature = await supplier.GetAsync(ApiClient.Path($"/api/orders/{id}/proof/signature"));

        Assert.Equal(HttpStatusCode.OK, signature.StatusCode);
        Assert.Equal("image/png", signature.Content.Headers.ContentType?.MediaType);
    }

    [Fact]
    public async Task Without_signing_in_the_photo_is_refused_with_401()
    {
        var id = await DeliveredWithProofAsync();
        using var anonymous = factory.CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false });

        using var photo = await anonymous.GetAsync(ApiClient.Path($"/api/orders/{id}/proof/photo"));

        Assert.Equal(HttpStatusCode.Unauthorized, photo.StatusCode);
    }

    [Fact]
    public async Task A_customer_is_refused_the_photo_with_403()
    {
        var id = await DeliveredWithProofAsync();
        using var customer = await ApiClient.AsAsync(factory, "customer");

        using var photo = await customer.GetAsync(ApiClient.Path($"/api/orders/{id}/proof/photo"));

        Assert.Equal(HttpStatusCode.Forbidden, photo.StatusCode);
    }

    [Fact]
    public async Task Another_supplier_gets_no_photo_and_learns_nothing_of_the_order()
    {
        var id = await DeliveredWithProofAsync();
        using var napoli = await ApiClient.AsAsync(factory, "supplier2");

        using var photo = await napoli.GetAsync(ApiClient.Path($"/api/orders/{id}/proof/photo"));

        Assert.Equal(HttpStatusCode.NotFound, photo.StatusCode);
        Assert.NotEqual("image/jpeg", photo.Content.Headers.ContentType?.MediaType);
    }

    [Fact]
    public async Task The_public_tracking_link_says_signed_by_the_initial_and_carries_no_image_or_name()
    {
        var id = await DeliveredWithProofAsync();
        using var dispatcher = await ApiClient.AsAsync(factory, "dispatcher");
        var order = await (await dispatcher.GetAsync(ApiClient.Path($"/api/orders/{id}"))).JsonAsync();
        using var anonymous = factory.CreateClient();

        var page = await anonymous.GetStringAsync(ApiClient.Path($"/track/{order.GetProperty("tracking_token").GetString()}"));
        var view = await anonymous.GetStringAsync(ApiClient.Path($"/api/track/{order.GetProperty("tracking_id").GetString()}"));

        Assert.Contains("Delivered · signed by <span data-field=\"signed-by\">J.</span>", page, StringComparison.Ordinal);
        Assert.Contains("\"signed_by\":\"J.\"", view, StringComparison.Ordinal);
        Assert.All(new[] { page, view }, text => Assert.DoesNotContain("Jane", text, StringComparison.Ordinal));
        Assert.All(new[] { page, view }, text => Assert.DoesNotContain("/proof/", text, StringComparison.Ordinal));
    }

    [Fact]
    public async Task A_file_that_is_not_an_image_is_refused_with_400_naming_the_photo_and_the_order_stays_in_transit()
    {
        using var driver = await ApiClient.AsAsync(factory, "driver");
        using var dispatcher = await ApiClient.AsAsync(factory, "dispatcher");
        var id = await InTransitWithAnaAsync(factory, dispatcher);

        using var refused = await driver.PostAsync(ApiClient.Path($"/api/orders/{id}/deliver"), Proof("Jane", "%PDF-1.7"u8.ToArray(), "photo.jpg"));

        Assert.Equal(HttpStatusCode.BadRequest, refused.StatusCode);
        var problem = await refused.JsonAsync();
        Assert.Equal("photo", problem.GetProperty("field").GetString());
        Assert.StartsWith("That file is not a JPEG, PNG or WebP image", problem.GetProperty("detail").GetString(), StringComparison.Ordinal);
        Assert.Equal("in_transit", (await (await dispatcher.GetAsync(ApiClient.Path($"/api/orders/{id}"))).JsonAsync()).GetProperty("status").GetString());
    }

    [Fact]
    public async Task A_photo_larger_than_5_MB_is_refused_with_400_naming_the_photo_and_the_order_stays_in_transit()
    {
        using var driver = await ApiClient.AsAsync(factory, "driver");
        using var dispatcher = await ApiClient.AsAsync(factory, "dispatcher");
        var id = await InTransitWithAnaAsync(factory, dispatcher);
        var large = TestImages.Jpeg().Concat(new byte[(5 * 1024 * 1024) + 1]).ToArray();

        using var refused = await driver.PostAsync(ApiClient.Path($"/api/orders/{id}/deliver"), Proof("Jane", large, "photo.jpg"));

        Assert.Equal(HttpStatusCode.BadRequest, refused.StatusCode);
        var problem = await refused.JsonAsync();
        Assert.Equal("photo", problem.GetProperty("field").GetString());
        Assert.StartsWith("The photo is larger than 5 MB", problem.GetProperty("detail").GetString(), StringComparison.Ordinal);
        Assert.Equal("in_transit", (await (await dispatcher.GetAsync(ApiClient.Path($"/api/orders/{id}"))).JsonAsync()).GetProperty("status").GetString());
    }

    [Fact]
    public async Task A_supplier_that_asks_for_a_signature_has_delivery_without_one_refused_with_400_naming_the_signature()
    {
        using var admin = await ApiClient.AsAsync(factory, "admin");
        using var dispatcher = await ApiClient.AsAsync(factory, "dispatcher");
        using var set = await admin.PutAsJsonAsync(ApiClient.Path("/api/suppliers/luigis/proof-required"), new { signature = true });
        set.EnsureSuccessStatusCode();
        try
        {
            var id = await InTransitWithAnaAsync(factory, dispatcher);

            using var refused = await dispatcher.PostAsync(ApiClient.Path($"/api/orders/{id}/status?status=delivered"), null);

            Assert.Equal(HttpStatusCode.BadRequest, refused.StatusCode);
            Assert.Equal("signature", (await refused.JsonAsync()).GetProperty("field").GetString());
        }
        finally
        {
            using var reset = await admin.PutAsJsonAsync(ApiClient.Path("/api/suppliers/luigis/proof-required"), new { signature = false });
            reset.EnsureSuccessStatusCode();
            await OrderSteps.FreeDriverAsync(dispatcher, "drv-ana");
        }
    }

    /// <summary>A Luigi's order delivered by Ana (the demo driver) with a photo carrying EXIF, a signature and "Jane Doe".</summary>
    private async Task<string> DeliveredWithProofAsync()
    {
        using var driver = await ApiClient.AsAsync(factory, "driver");
        using var dispatcher = await ApiClient.AsAsync(factory, "dispatcher");
        var id = await InTransitWithAnaAsync(factory, dispatcher);
        using var delivered = await driver.PostAsync(ApiClient.Path($"/api/orders/{id}/deliver"), Proof("Jane Doe", TestImages.JpegWithExif(), "photo.jpg"));
        Assert.True(delivered.StatusCode == HttpStatusCode.OK, await delivered.Content.ReadAsStringAsync());
        return id;
    }

    /// <summary>A Luigi's order Ana (the demo driver) is carrying.</summary>
    internal static async Task<string> InTransitWithAnaAsync(WebApplicationFactory<Program> factory, HttpClient dispatcher)
    {
        using var supplier = await ApiClient.AsAsync(factory, "supplier1");
        using var customer = await ApiClient.AsAsync(factory, "customer");
        await OrderSteps.FreeDriverAsync(dispatcher, "drv-ana");
        var id = await OrderSteps.ReadyOrderAsync(supplier, customer);
        await OrderSteps.ExpectAsync(dispatcher, $"/api/orders/{id}/dispatch?driver_id=drv-ana", "dispatched");
        await OrderSteps.ExpectAsync(dispatcher, $"/api/orders/{id}/status?status=in_transit", "in_transit");
        return id;
    }

    /// <summary>The driver's upload: the receiver's name, the photo as given and a drawn signature.</summary>
    internal static MultipartFormDataContent Proof(string receiver, byte[] photo, string photoName)
    {
        var form = new MultipartFormDataContent { { new StringContent(receiver), "receiver_name" } };
        var photoPart = new ByteArrayContent(photo);
        photoPart.Headers.ContentType = new MediaTypeHeaderValue("image/jpeg");
        form.Add(photoPart, "photo", photoName);
        var signature = new ByteArrayContent(TestImages.Signature());
        signature.Headers.ContentType = new MediaTypeHeaderValue("image/png");
        form.Add(signature, "signature", "signature.png");
        return form;
    }
}
