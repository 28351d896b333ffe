namespace OrderActors.Common;

/// <summary>FNV-1a over a string's UTF-16 code units: the same in every process (string.GetHashCode is not).</summary>
public static class Fnv
{
    public static uint Of32(string value)
    {
        var hash = 2166136261u;
        foreach (var c in value)
        {
            hash = (hash ^ c) * 16777619u;
        }

        return hash;
    }

    public static ulong Of64(string value)
    {
        var hash = 14695981039346656037ul;
        foreach (var c in value)
        {
            hash = (hash ^ c) * 1099511628211ul;
        }

        return hash;
    }
}
