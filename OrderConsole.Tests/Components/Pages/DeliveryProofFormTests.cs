using Bunit;
using Microsoft.AspNetCore.Components.Forms;
using OrderConsole.Components.Pages;
using OrderConsole.Core.Orders;

namespace OrderConsole.Tests.Components.Pages;

/// <summary>The delivered step on the driver's phone in bUnit: a refused photo is explained beside its field and nothing is delivered.</summary>
public sealed class DeliveryProofFormTests : ConsoleTestContext
{
    [Fact]
    public async Task The_photo_can_be_taken_with_the_camera_or_chosen_from_the_phones_files()
    {
        var order = await OrderInStatusAsync(OrderStatus.InTransit);
        await SeenLiveAsync(order);
        SignIn("driver", Role.Driver, driverId: "drv-ana");
        var page = Render<DriverDesk>();

        var photo = page.Find("input[type=file]");

        // A capture attribute would make a phone open its camera only.
        Assert.False(photo.HasAttribute("capture"));
        Assert.Equal("image/jpeg,image/png,image/webp", photo.GetAttribute("accept"));
    }

    [Fact]
    public async Task A_file_that_is_not_an_image_is_explained_beside_the_photo_and_the_order_stays_in_transit()
    {
        var order = await OrderInStatusAsync(OrderStatus.InTransit);
        await SeenLiveAsync(order);
        SignIn("driver", Role.Driver, driverId: "drv-ana");
        var page = Render<DriverDesk>();

        page.FindComponent<InputFile>().UploadFiles(InputFileContent.CreateFromText("only words", "photo.jpg"));
        await page.ClickAsync($"Mark {order.SupplierTrackingId} delivered");

        Assert.Contains("That file is not a JPEG, PNG or WebP image", page.Markup, StringComparison.Ordinal);
        Assert.Equal(OrderStatus.InTransit, (await Store.GetAsync(order.Id))!.Status);
    }
}
