using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.AspNetCore.Mvc.Testing;
using OrderConsole.Tests.Support;

namespace OrderConsole.Tests.Api;

/// <summary>
/// <c>/api/suppliers/{id}/stock</c>, <c>/api/suppliers/{id}/pricing</c> and the customer's acceptance with a code over HTTP:
/// the order JSON keeps its charges, refusals are problem details naming their field.
/// </summary>
public sealed class StockAndPricingApiTests(WebApplicationFactory<Program> factory) : IClassFixture<WebApplicationFactory<Program>>
{
    [Fact]
    public async Task An_accepted_order_keeps_its_charges_in_its_json_beside_the_customer_price()
    {
        using var admin = await ApiClient.AsAsync(factory, "admin");
        using var customer = await ApiClient.AsAsync(factory, "customer");
        var (supplierId, name) = await SupplierAsync(admin);
        using var priced = await admin.PutAsJsonAsync(ApiClient.Path($"/api/suppliers/{supplierId}/pricing"), new
        {
            delivery_flat_fee = 3.00,
            service_fee_percentage = 10,
            discount_codes = new[] { new { code = "take2", kind = "amount", value = 2.00, usage_limit = 5 } },
        });
        var offer = await OfferAsync(admin, name);

        using var accepted = await customer.PostAsync(
            ApiClient.Path($"/api/orders/{offer}/customer-accept?customer_name=Mia&delivery_address=1%20Main%20St&discount_code=TAKE2"), null);
        var order = await accepted.JsonAsync();
        var pricing = await (await admin.GetAsync(ApiClient.Path($"/api/suppliers/{supplierId}/pricing"))).JsonAsync();

        Assert.Equal(HttpStatusCode.OK, priced.StatusCode);
        Assert.Equal(HttpStatusCode.OK, accepted.StatusCode);
        var charges = order.GetProperty("charges");
        // Items 10.00 + 30 % = 13.00; delivery 3.00; service 10 % = 1.30; less 2.00: 15.30.
        Assert.Equal((13.00m, 3.00m, 1.30m, "TAKE2", 2.00m, 15.30m, 15.30m),
            (charges.GetProperty("items_price").GetDecimal(), charges.GetProperty("delivery_fee").GetDecimal(), charges.GetProperty("service_fee").GetDecimal(),
             charges.GetProperty("discount_code").GetString(), charges.GetProperty("discount").GetDecimal(), charges.GetProperty("total").GetDecimal(),
             order.GetProperty("customer_price").GetDecimal()));
        Assert.Equal(1, pricing.GetProperty("discount_codes")[0].GetProperty("uses").GetInt32());
    }

    [Fact]
    public async Task A_service_fee_over_100_percent_answers_400_naming_the_field()
    {
        using var admin = await ApiClient.AsAsync(factory, "admin");
        var (supplierId, _) = await SupplierAsync(admin);

        using var refused = await admin.PutAsJsonAsync(ApiClient.Path($"/api/suppliers/{supplierId}/pricing"), new { service_fee_percentage = 120 });

        await AssertProblemAsync(refused, HttpStatusCode.BadRequest, "service_fee_percentage", "between 0 and 100 %");
    }

    [Fact]
    public async Task A_discount_code_without_a_value_answers_400_naming_the_codes_field()
    {
        using var admin = await ApiClient.AsAsync(factory, "admin");
        var (supplierId, _) = await SupplierAsync(admin);

        using var refused = await admin.PutAsJsonAsync(
            ApiClient.Path($"/api/suppliers/{supplierId}/pricing"), new { discount_codes = new[] { new { code = "FREE", kind = "percent" } } });

        await AssertProblemAsync(refused, HttpStatusCode.BadRequest, "discount_codes[0].value", "needs a value");
    }

    [Fact]
    public async Task An_unknown_code_at_acceptance_answers_400_naming_discount_code_and_the_offer_stays_open()
    {
        using var admin = await ApiClient.AsAsync(factory, "admin");
        using var customer = await ApiClient.AsAsync(factory, "customer");
        var (_, name) = await SupplierAsync(admin);
        var offer = await OfferAsync(admin, name);

        using var refused = await customer.PostAsync(
            ApiClient.Path($"/api/orders/{offer}/customer-accept?customer_name=Mia&delivery_address=1%20Main%20St&discount_code=NOPE"), null);

        await AssertProblemAsync(refused, HttpStatusCode.BadRequest, "discount_code", "no discount code NOPE");
        var order = await (await admin.GetAsync(ApiClient.Path($"/api/orders/{offer}"))).JsonAsync();
        Assert.Equal("supplier_accepted", order.GetProperty("status").GetString());
    }

    [Fact]
    public async Task Stock_set_over_the_api_shows_low_and_an_order_beyond_it_answers_409_in_words()
    {
        using var admin = await ApiClient.AsAsync(factory, "admin");
        using var customer = await ApiClient.AsAsync(factory, "customer");
        var (supplierId, name) = await SupplierAsync(admin);
        using var set = await admin.PutAsJsonAsync(ApiClient.Path($"/api/suppliers/{supplierId}/stock"), new { item = "Margherita", quantity = 0 });
        var stock = await set.JsonAsync();
        var offer = await OfferAsync(admin, name);

        using var refused = await customer.PostAsync(ApiClient.Path($"/api/orders/{offer}/customer-accept?customer_name=Mia&delivery_address=1%20Main%20St"), null);

        Assert.Equal(HttpStatusCode.OK, set.StatusCode);
        var level = stock.GetProperty("items")[0];
        Assert.Equal(("Margherita", 0, true, true, 5), (level.GetProperty("item").GetString(), level.GetProperty("quantity").GetInt32(),
            level.GetProperty("low").GetBoolean(), level.GetProperty("out_of_stock").GetBoolean(), stock.GetProperty("low_stock_threshold").GetInt32()));
        await AssertProblemAsync(refused, HttpStatusCode.Conflict, "items", "Margherita is out of stock: 0 left, and this order needs 1");
    }

    [Fact]
    public async Task A_negative_stock_quantity_answers_400_naming_the_field()
    {
        using var admin = await ApiClient.AsAsync(factory, "admin");
        var (supplierId, _) = await SupplierAsync(admin);

        using var refused = await admin.PutAsJsonAsync(ApiClient.Path($"/api/suppliers/{supplierId}/stock"), new { item = "Margherita", quantity = -1 });

        await AssertProblemAsync(refused, HttpStatusCode.BadRequest, "quantity", "whole number from 0");
    }

    private static async Task<(string Id, string Name)> SupplierAsync(HttpClient admin)
    {
        var name = "Stock " + Guid.NewGuid().ToString("N")[..8];
        // Five letters of 26 each: a prefix another test's supplier already holds (409) is all but impossible.
        var prefix = new string([.. Enumerable.Range(0, 5).Select(_ => (char)('A' + Random.Shared.Next(26)))]);
        using var created = await admin.PostAsJsonAsync(ApiClient.Path("/api/suppliers"), new { name, tracking_prefix = prefix });
        Assert.Equal(HttpStatusCode.Created, created.StatusCode);
        return ((await created.JsonAsync()).GetProperty("id").GetString()!, name);
    }

    /// <summary>An order of one Margherita at 10.00 the supplier has accepted: an offer awaiting the customer.</summary>
    private static async Task<string> OfferAsync(HttpClient admin, string supplierName)
    {
        using var created = await admin.PostAsJsonAsync(ApiClient.Path("/api/orders"), new { supplier_name = supplierName, pizza_name = "Margherita", supplier_price = 10.00 });
        var id = (await created.JsonAsync()).GetProperty("id").GetString()!;
        using var responded = await admin.PostAsync(ApiClient.Path($"/api/orders/{id}/supplier-respond?accept=true&estimated_time=30"), null);
        Assert.Equal(HttpStatusCode.OK, responded.StatusCode);
        return id;
    }

    private static async Task AssertProblemAsync(HttpResponseMessage response, HttpStatusCode status, string field, string words)
    {
        var problem = await response.JsonAsync();
        Assert.Equal(status, response.StatusCode);
        Assert.Equal(field, problem.GetProperty("field").GetString());
        Assert.Contains(words, problem.GetProperty("detail").GetString(), StringComparison.Ordinal);
        Assert.Equal(JsonValueKind.String, problem.GetProperty("detail").ValueKind);
    }
}
