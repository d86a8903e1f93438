using Bunit;
using OrderConsole.Components.Controls;

namespace OrderConsole.Tests.Components.Controls;

/// <summary>The message beside a field in bUnit: shown as an alert when its field has one, gone when it is fixed.</summary>
public sealed class FieldErrorTests : ControlTestContext
{
    private readonly FieldErrors _errors = new();

    [Fact]
    public void A_fields_message_is_announced_as_an_alert_with_the_id_the_field_points_at()
    {
        _errors.Set("customer_name", "Customer name is required");

        var alert = RenderError("customer_name", "customer_name-error").Find("[role=alert]");

        Assert.Equal("Customer name is required", alert.TextContent);
        Assert.Equal("customer_name-error", alert.Id);
    }

    [Fact]
    public void A_message_about_another_field_is_not_shown_here()
    {
        _errors.Set("delivery_address", "Delivery address is required");

        var error = RenderError("customer_name");

        Assert.Empty(error.FindAll("[role=alert]"));
        Assert.Equal(string.Empty, error.Markup.Trim());
    }

    [Fact]
    public void A_message_set_after_a_failed_save_appears_when_the_form_renders_again_and_goes_once_fixed()
    {
        var error = RenderError("customer_name");
        Assert.Empty(error.FindAll("[role=alert]"));

        _errors.Set("customer_name", "Customer name is required");
        error.Render(_ => { });
        Assert.Equal("Customer name is required", error.Find("[role=alert]").TextContent);

        _errors.Clear();
        error.Render(_ => { });
        Assert.Empty(error.FindAll("[role=alert]"));
    }

    [Fact]
    public void What_people_typed_is_shown_as_text_never_as_markup()
    {
        _errors.Set("pizza_name", "<b>bold</b> is not a pizza");

        var error = RenderError("pizza_name");

        Assert.Equal("<b>bold</b> is not a pizza", error.Find("[role=alert]").TextContent);
        Assert.Empty(error.FindAll("b"));
    }

    private IRenderedComponent<FieldError> RenderError(string field, string? id = null) =>
        Render<FieldError>(parameters => parameters
            .Add(control => control.Errors, _errors)
            .Add(control => control.Field, field)
            .Add(control => control.Id, id));
}
