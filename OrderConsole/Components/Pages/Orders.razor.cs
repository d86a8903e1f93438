using OrderConsole.Components.Controls;
using OrderConsole.Core.Live;
using OrderConsole.Core.Orders;

namespace OrderConsole.Components.Pages;

/// <summary>Every order the read model holds, filtered by status, newest change first.</summary>
public partial class Orders : LivePage
{
    private string _status = string.Empty;
    private IReadOnlyList<Order> _orders = [];
    private IReadOnlyDictionary<OrderStatus, int> _counts = new Dictionary<OrderStatus, int>();

    protected override Role Desk => Role.Dispatcher;

    protected override LiveFilter Filter => LiveFilter.Everything;

    protected override void Refresh()
    {
        _counts = Live.CountsByStatus();
        _orders = OrderStatusNames.TryParse(_status, out var status)
            ? Live.Orders(order => order.Status == status)
            : Live.Orders();
    }

    private void Show(string? status)
    {
        _status = status ?? string.Empty;
        Refresh();
    }
}
