using OrderConsole.Core.Orders;
using OrderConsole.Core.Service;
using OrderConsole.Core.Storage;
using OrderConsole.Core.Storage.Files;
using OrderConsole.Tests.Support;

namespace OrderConsole.Tests.Proof;

/// <summary>Delivering with proof: what the supplier asks for is enforced, refusals store nothing, and only staff who may see the order read it.</summary>
public sealed class ProofOfDeliveryTests : IDisposable
{
    private readonly string _folder = Path.Combine(Path.GetTempPath(), $"proof-{Guid.NewGuid():N}");

    public void Dispose()
    {
        if (Directory.Exists(_folder))
        {
            Directory.Delete(_folder, recursive: true);
        }
    }

    [Fact]
    public async Task A_delivery_with_photo_signature_and_name_keeps_them_and_the_order_refers_to_them()
    {
        var (market, proofs) = await OpenAsync();
        var order = await market.OrderInStatusAsync(OrderStatus.InTransit);

        var delivered = await proofs.DeliverAsync(Marketplace.AnaDriving, order.Id, new ProofUpload(" Jane Doe ", TestImages.Jpeg(), TestImages.Signature()));

        Assert.Equal(OrderStatus.Delivered, delivered.Status);
        Assert.Equal(new DeliveryProof(delivered.Proof!.Id, "Jane Doe", true, true, market.Clock.GetUtcNow()), delivered.Proof);
        Assert.NotNull(await proofs.ReadAsync(Marketplace.Dispatcher, order.Id, ProofPart.Photo));
        Assert.NotNull(await proofs.ReadAsync(Marketplace.LuigisSupplier, order.Id, ProofPart.Signature));
    }

    [Fact]
    public async Task A_supplier_that_asks_for_a_photo_has_a_delivery_without_one_refused_naming_the_photo()
    {
        var (market, proofs) = await OpenAsync(new ProofRequirements(Photo: true));
        var order = await market.OrderInStatusAsync(OrderStatus.InTransit);

        var refused = await Assert.ThrowsAsync<ProofMissingException>(() =>
            proofs.DeliverAsync(Marketplace.AnaDriving, order.Id, new ProofUpload("Jane", null, TestImages.Signature())));

        Assert.Equal("photo", refused.Field);
        Assert.Equal("Luigi's Pizzeria asks for a photo of the delivery; take or choose one", refused.Message);
        await AssertNothingStoredAsync(market, order);
    }

    [Fact]
    public async Task Marking_delivered_without_proof_is_refused_when_the_supplier_asks_for_a_signature()
    {
        var (market, _) = await OpenAsync(new ProofRequirements(Signature: true));
        var order = await market.OrderInStatusAsync(OrderStatus.InTransit);

        var refused = await Assert.ThrowsAsync<ProofMissingException>(() => market.Orders.AdvanceAsync(Marketplace.Dispatcher, order.Id, OrderStatus.Delivered));

        Assert.Equal("signature", refused.Field);
        Assert.Equal(OrderStatus.InTransit, (await market.Store.GetAsync(order.Id))!.Status);
    }

    [Fact]
    public async Task A_supplier_that_asks_for_nothing_lets_orders_be_delivered_as_before()
    {
        var (market, _) = await OpenAsync();
        var order = await market.OrderInStatusAsync(OrderStatus.InTransit);

        var delivered = await market.Orders.AdvanceAsync(Marketplace.AnaDriving, order.Id, OrderStatus.Delivered);

        Assert.Equal(OrderStatus.Delivered, delivered.Status);
        Assert.Null(delivered.Proof);
    }

    [Fact]
    public async Task An_upload_that_is_not_an_image_is_refused_and_nothing_is_stored()
    {
        var (market, proofs) = await OpenAsync();
        var order = await market.OrderInStatusAsync(OrderStatus.InTransit);

        var refused = await Assert.ThrowsAsync<OrderValidationException>(() =>
            proofs.DeliverAsync(Marketplace.AnaDriving, order.Id, new ProofUpload("Jane", "%PDF-1.7 a document"u8.ToArray(), TestImages.Signature())));

        Assert.Equal("photo", refused.Field);
        await AssertNothingStoredAsync(market, order);
    }

    [Fact]
    public async Task A_photo_over_5_MB_is_refused_and_nothing_is_stored()
    {
        var (market, proofs) = await OpenAsync();
        var order = await market.OrderInStatusAsync(OrderStatus.InTransit);
        var large = new byte[(5 * 1024 * 1024) + 1];
        TestImages.Jpeg().CopyTo(large, 0);

        var refused = await Assert.ThrowsAsync<OrderValidationException>(() =>
            proofs.DeliverAsync(Marketplace.AnaDriving, order.Id, new ProofUpload(null, large, null)));

        Assert.StartsWith("The photo is larger than 5 MB", refused.Message, StringComparison.Ordinal);
        await AssertNothingStoredAsync(market, order);
    }

    [Fact]
    public async Task A_driver_who_is_not_on_the_order_cannot_deliver_it_with_proof_and_nothing_is_stored()
    {
        var (market, proofs) = await OpenAsync();
        var order = await market.OrderInStatusAsync(OrderStatus.InTransit);

        await Assert.ThrowsAsync<OrderNotFoundException>(() =>
            proofs.DeliverAsync(Marketplace.BenDriving, order.Id, new ProofUpload("Jane", TestImages.Jpeg(), null)));

        await AssertNothingStoredAsync(market, order);
    }

    [Fact]
    public async Task The_loser_of_a_race_to_deliver_leaves_the_winners_proof_and_none_of_its_own()
    {
        var (market, proofs) = await OpenAsync();
        var order = await market.OrderInStatusAsync(OrderStatus.InTransit);
        var won = await proofs.DeliverAsync(Marketplace.AnaDriving, order.Id, new ProofUpload("Jane", TestImages.Jpeg(), null));

        await Assert.ThrowsAnyAsync<OrderDomainException>(() =>
            proofs.DeliverAsync(Marketplace.Dispatcher, order.Id, new ProofUpload("John", TestImages.Jpeg(), null)));

        Assert.Equal([$"{won.Proof!.Id}.photo.jpg"], Directory.GetFiles(OrderFolder(order)).Select(Path.GetFileName));
    }

    [Fact]
    public async Task A_customer_may_not_see_the_proof_of_their_own_order()
    {
        var (market, proofs) = await OpenAsync();
        var order = await market.OrderInStatusAsync(OrderStatus.InTransit);
        await proofs.DeliverAsync(Marketplace.AnaDriving, order.Id, new ProofUpload("Jane", TestImages.Jpeg(), null));

        await Assert.ThrowsAsync<ForbiddenOrderActionException>(() => proofs.ReadAsync(Marketplace.Customer, order.Id, ProofPart.Photo));
    }

    [Fact]
    public async Task Another_supplier_cannot_see_the_proof()
    {
        var (market, proofs) = await OpenAsync();
        var order = await market.OrderInStatusAsync(OrderStatus.InTransit);
        await proofs.DeliverAsync(Marketplace.AnaDriving, order.Id, new ProofUpload("Jane", TestImages.Jpeg(), null));

        await Assert.ThrowsAsync<OrderNotFoundException>(() => proofs.ReadAsync(Marketplace.NapoliSupplier, order.Id, ProofPart.Photo));
    }

    [Fact]
    public async Task The_receivers_initial_is_all_the_proof_says_in_public()
    {
        var proof = new DeliveryProof("ab", " jane doe", Photo: true, Signature: true, ManualClock.Start);

        Assert.Equal("J.", proof.ReceiverInitial);
    }

    private async Task<(Marketplace Market, ProofOfDelivery Proofs)> OpenAsync(ProofRequirements? required = null)
    {
        var market = await Marketplace.OpenAsync();
        if (required is not null)
        {
            await market.Store.SaveSupplierAsync(Samples.Luigis with { ProofRequired = required });
        }

        return (market, new ProofOfDelivery(market.Orders, new FolderProofStore(_folder), market.Clock));
    }

    private string OrderFolder(Order order) => Path.Combine(_folder, order.Id.ToString("N"));

    private async Task AssertNothingStoredAsync(Marketplace market, Order order)
    {
        Assert.Equal(OrderStatus.InTransit, (await market.Store.GetAsync(order.Id))!.Status);
        Assert.True(!Directory.Exists(OrderFolder(order)) || Directory.GetFiles(OrderFolder(order)).Length == 0);
    }
}
