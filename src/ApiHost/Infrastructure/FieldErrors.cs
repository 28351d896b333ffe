using System.Text.RegularExpressions;

namespace OrderActors.ApiHost.Infrastructure;

/// <summary>Collects validation errors by field, with the checks every request shares.</summary>
public sealed partial class FieldErrors
{
    private readonly Dictionary<string, List<string>> _errors = new(StringComparer.Ordinal);

    public bool Any => _errors.Count > 0;

    public void Add(string field, string message)
    {
        if (!_errors.TryGetValue(field, out var list))
        {
            _errors[field] = list = [];
        }

        list.Add(message);
    }

    public Dictionary<string, string[]> ToDictionary() => _errors.ToDictionary(e => e.Key, e => e.Value.ToArray());

    /// <summary>Ids of SKUs, customers, warehouses: 1–64 chars of [A-Za-z0-9._-].</summary>
    public static bool IsId(string? value) => value is not null && IdPattern().IsMatch(value);

    public bool Required<T>(string field, T? value)
    {
        if (value is null || (value is string s && string.IsNullOrWhiteSpace(s)))
        {
            Add(field, "Required.");
            return false;
        }

        return true;
    }

    public void Id(string field, string? value)
    {
        if (Required(field, value) && !IsId(value))
        {
            Add(field, "Must be 1-64 characters of letters, digits, '.', '_' or '-'.");
        }
    }

    /// <summary>Free text shown to people: no control characters and no markup.</summary>
    public void Text(string field, string? value, int maxLength, bool required)
    {
        if (value is null)
        {
            if (required)
            {
                Add(field, "Required.");
            }

            return;
        }

        if (required && string.IsNullOrWhiteSpace(value))
        {
            Add(field, "Required.");
        }
        else if (value.Length > maxLength)
        {
            Add(field, $"At most {maxLength} characters.");
        }
        else if (value.Any(c => char.IsControl(c) || c is '<' or '>'))
        {
            Add(field, "Must not contain control characters or '<' '>'.");
        }
    }

    public void Money(string field, decimal? value, bool required, bool allowZero)
    {
        if (value is null)
        {
            if (required)
            {
                Add(field, "Required.");
            }

            return;
        }

        if (value < 0 || (!allowZero && value == 0))
        {
            Add(field, allowZero ? "Must not be negative." : "Must be positive.");
        }
        else if (decimal.Round(value.Value, 2) != value.Value)
        {
            Add(field, "At most 2 decimals.");
        }
        else if (value > 100_000_000m)
        {
            Add(field, "Too large.");
        }
    }

    /// <summary>The query of a paged list: an optional status filter spelled as in JSON, a limit, a cursor we gave out.</summary>
    public TStatus? PagedQuery<TStatus>(string? status, int? limit, string? cursor)
        where TStatus : struct, Enum
    {
        TStatus? filter = null;
        if (status is not null && (filter = QueryEnum.Parse<TStatus>(status)) is null)
        {
            Add("status", $"One of: {QueryEnum.Names<TStatus>()}.");
        }

        if (limit is < 1 or > 200)
        {
            Add("limit", "From 1 to 200.");
        }

        if (cursor is not null && OrderActors.Customers.PageCursor.Decode(cursor) is null)
        {
            Add("cursor", "Not a cursor this API gave out.");
        }

        return filter;
    }

    [GeneratedRegex("^[A-Za-z0-9._-]{1,64}$")]
    private static partial Regex IdPattern();
}
