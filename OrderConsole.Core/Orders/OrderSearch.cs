namespace OrderConsole.Core.Orders;

/// <summary>
/// The one filter of order lists: text search over the fields people look orders up by, a set of statuses, a
/// supplier, a driver and a range of creation days reckoned in one time zone, with a sort and a page. The All
/// orders grid, <c>GET /api/orders</c> and <c>GET /api/orders.csv</c> all filter through it.
/// </summary>
public sealed record OrderSearch
{
    // Worked out once per search, not once per order: a grid load tests every order in the read model.
    private readonly string? _needle;
    private DayBounds? _bounds;
    private readonly DateOnly? _createdFrom;
    private readonly DateOnly? _createdTo;
    private readonly TimeZoneInfo _zone = TimeZoneInfo.Utc;

    /// <summary>Matches the order code, tracking id, customer name, phone, delivery address, supplier, driver or an item name (ignoring case).</summary>
    public string? Text
    {
        get;
        init
        {
            field = value;
            _needle = string.IsNullOrWhiteSpace(value) ? null : value.Trim();
        }
    }

    /// <summary>Any of these statuses; null or empty for every status.</summary>
    public IReadOnlySet<OrderStatus>? Statuses { get; init; }

    public string? SupplierId { get; init; }

    public string? DriverId { get; init; }

    /// <summary>The first day of creation to include, in <see cref="Zone"/>.</summary>
    public DateOnly? CreatedFrom { get => _createdFrom; init => (_createdFrom, _bounds) = (value, null); }

    /// <summary>The last day of creation to include (the whole day), in <see cref="Zone"/>.</summary>
    public DateOnly? CreatedTo { get => _createdTo; init => (_createdTo, _bounds) = (value, null); }

    /// <summary>The zone the creation days are days of: the console's time zone.</summary>
    public TimeZoneInfo Zone { get => _zone; init => (_zone, _bounds) = (value, null); }

    public OrderSort Sort { get; init; } = OrderSort.Changed;

    public bool Descending { get; init; } = true;

    /// <summary>No filter at all: every order matches.</summary>
    public bool IsEverything =>
        _needle is null && Statuses is not { Count: > 0 } && SupplierId is null && DriverId is null
        && CreatedFrom is null && CreatedTo is null;

    /// <summary>The first instant of <see cref="CreatedFrom"/> in <see cref="Zone"/>.</summary>
    public DateTimeOffset? CreatedFromInstant => Bounds().From;

    /// <summary>The first instant after <see cref="CreatedTo"/> in <see cref="Zone"/>.</summary>
    public DateTimeOffset? CreatedBeforeInstant => Bounds().Before;

    public bool Matches(Order order)
    {
        if (Statuses is { Count: > 0 } statuses && !statuses.Contains(order.Status))
        {
            return false;
        }

        if ((SupplierId is not null && order.SupplierId != SupplierId) || (DriverId is not null && order.DriverId != DriverId))
        {
            return false;
        }

        if (_createdFrom is not null || _createdTo is not null)
        {
            var (from, before) = Bounds();
            if ((from is { } first && order.CreatedAt < first) || (before is { } end && order.CreatedAt >= end))
            {
                return false;
            }
        }

        return ContainsText(order);
    }

    /// <summary><paramref name="orders"/> (newest change first, as every listing comes) that match, in this search's sort.</summary>
    public IReadOnlyList<Order> Apply(IEnumerable<Order> orders)
    {
        var matching = orders.Where(Matches);
        if (Sort == OrderSort.Changed && Descending)
        {
            // The listing's own order already: no second sort.
            return [.. matching];
        }

        var key = OrderSorts.Key(Sort);
        return Descending
            ? [.. matching.OrderByDescending(key, OrderSorts.Comparer)]
            : [.. matching.OrderBy(key, OrderSorts.Comparer)];
    }

    private bool ContainsText(Order order)
    {
        if (_needle is not { } text)
        {
            return true;
        }

        if (Has(order.SupplierTrackingId, text) || Has(order.TrackingId, text) || Has(order.CustomerName, text)
            || Has(order.CustomerPhone, text) || Has(order.DeliveryAddress, text) || Has(order.SupplierName, text)
            || Has(order.DriverName, text))
        {
            return true;
        }

        // A plain loop: no closure or enumerator per order.
        var items = order.Items;
        for (var index = 0; index < items.Count; index++)
        {
            if (Has(items[index].Name, text))
            {
                return true;
            }
        }

        return false;
    }

    // Recomputed at most once per search; a race computes the same value twice.
    private DayBounds Bounds() =>
        _bounds ??= new DayBounds(_createdFrom is { } from ? StartOf(from) : null, _createdTo is { } to ? StartOf(to.AddDays(1)) : null);

    private static bool Has(string? field, string text) => field?.Contains(text, StringComparison.OrdinalIgnoreCase) == true;

    private DateTimeOffset StartOf(DateOnly day)
    {
        var midnight = day.ToDateTime(TimeOnly.MinValue, DateTimeKind.Unspecified);

        // A midnight skipped by a clock change falls in the gap: the day then starts at the first valid instant after it.
        while (Zone.IsInvalidTime(midnight))
        {
            midnight = midnight.AddMinutes(30);
        }

        return new DateTimeOffset(midnight, Zone.GetUtcOffset(midnight));
    }

    /// <summary>The instants the creation days run between (the end excluded).</summary>
    private sealed record DayBounds(DateTimeOffset? From, DateTimeOffset? Before);
}
