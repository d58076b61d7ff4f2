using System.ComponentModel;
using System.Diagnostics.CodeAnalysis;
using System.Reflection;
using System.Runtime.CompilerServices;
using System.Text.RegularExpressions;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using Microsoft.Extensions.Primitives;

namespace ContactKit;

/// <summary>Reads a package's options from its configuration section; reports what cannot be read.</summary>
/// <typeparam name="TOptions">The options type.</typeparam>
/// <param name="section">The package's section (for example <c>ContactKit:Consent</c>).</param>
/// <param name="options">The options to fill in.</param>
/// <param name="failures">Where every value that cannot be read is reported, naming its key.</param>
internal delegate void ConfigurationReader<in TOptions>(IConfiguration section, TOptions options, ICollection<ContactKitError> failures);

/// <summary>One configuration section registered with <see cref="ContactKitBuilder.BindConfiguration(IConfiguration)"/>.</summary>
internal sealed class ContactKitConfigurationSource
{
    private readonly IConfiguration? _section;
    private readonly string? _path;
    private readonly IChangeToken? _rootToken;

    internal ContactKitConfigurationSource(IConfiguration section)
    {
        _section = section;

        // GetSection returns a new object on every call; the root's current reload token tells whether two sections
        // with the same path come from the same configuration.
        _rootToken = section.GetReloadToken();
    }

    internal ContactKitConfigurationSource(string path) => _path = path;

    /// <summary>Whether this source reads the same section as <paramref name="other"/>.</summary>
    internal bool SameAs(ContactKitConfigurationSource other) => (_section, other._section) switch
    {
        (null, null) => string.Equals(_path, other._path, StringComparison.OrdinalIgnoreCase),
        (IConfigurationSection mine, IConfigurationSection theirs) =>
            string.Equals(mine.Path, theirs.Path, StringComparison.OrdinalIgnoreCase) && ReferenceEquals(_rootToken, other._rootToken),
        _ => ReferenceEquals(_section, other._section),
    };

    /// <summary>The section; <see langword="null"/> when it is named by path and no <see cref="IConfiguration"/> is registered.</summary>
    internal IConfiguration? Resolve(IServiceProvider services) =>
        _section ?? services.GetService<IConfiguration>()?.GetSection(_path!);

    /// <summary>What the host called, for messages.</summary>
    internal string Call => _path is null ? "BindConfiguration(section)" : $"BindConfiguration(\"{_path}\")";
}

/// <summary>Where a package's options live under the ContactKit section, and how they are read.</summary>
/// <typeparam name="TOptions">The options type.</typeparam>
internal sealed class OptionsSection<TOptions>(string name, ConfigurationReader<TOptions> read)
    where TOptions : class
{
    /// <summary>The subsection's key (for example <c>Consent</c>); empty for the ContactKit section itself.</summary>
    internal string Name { get; } = name;

    internal ConfigurationReader<TOptions> Read { get; } = read;

    /// <summary>The package's section within <paramref name="root"/>.</summary>
    internal IConfiguration Within(IConfiguration root) => Name.Length == 0 ? root : root.GetSection(Name);
}

/// <summary>
/// Fills in a package's options from every section given to <c>BindConfiguration</c>, before any <c>configure</c>
/// delegate runs (so that code set in <c>AddXxx(o => ...)</c> wins), and keeps what could not be read for
/// <see cref="ConfigurationFailureValidator{TOptions}"/> to report at start-up.
/// </summary>
internal sealed class ConfigurationBinding<TOptions>(IServiceProvider services, OptionsSection<TOptions> section) : IConfigureOptions<TOptions>
    where TOptions : class
{
    public void Configure(TOptions options)
    {
        var failures = new List<ContactKitError>();
        foreach (var source in services.GetServices<ContactKitConfigurationSource>())
        {
            if (source.Resolve(services) is { } root)
            {
                section.Read(section.Within(root), options, failures);
            }
            else
            {
                failures.Add(new ContactKitError(ErrorCodes.InvalidOptions, $"{source.Call} names a section of the host's IConfiguration, and none is registered; register the configuration, or pass the section itself to BindConfiguration.", nameof(IConfiguration)));
            }
        }

        ConfigurationFailures.Set(options, failures);
    }
}

/// <summary>Reports at start-up every configuration value that could not be read into <typeparamref name="TOptions"/>.</summary>
internal sealed class ConfigurationFailureValidator<TOptions> : IValidateOptions<TOptions>
    where TOptions : class
{
    public ValidateOptionsResult Validate(string? name, TOptions options) =>
        ConfigurationFailures.Get(options) is { Count: > 0 } failures
            ? ValidateOptionsResult.Fail(failures.Select(f => f.ToString()))
            : ValidateOptionsResult.Skip;
}

/// <summary>Makes options read from configuration follow its reloads.</summary>
internal sealed class ConfigurationChangeTokens<TOptions>(IServiceProvider services, OptionsSection<TOptions> section) : IOptionsChangeTokenSource<TOptions>
    where TOptions : class
{
    public string? Name => Options.DefaultName;

    public IChangeToken GetChangeToken() =>
        new CompositeChangeToken([.. services.GetServices<ContactKitConfigurationSource>()
            .Select(s => s.Resolve(services))
            .OfType<IConfiguration>()
            .Select(root => section.Within(root).GetReloadToken())]);
}

/// <summary>What could not be read from configuration, kept beside the options instance it was read into.</summary>
internal static class ConfigurationFailures
{
    private static readonly ConditionalWeakTable<object, List<ContactKitError>> Failures = new();

    internal static void Set(object options, List<ContactKitError> failures)
    {
        if (failures.Count == 0)
        {
            Failures.Remove(options);
        }
        else
        {
            Failures.AddOrUpdate(options, failures);
        }
    }

    internal static List<ContactKitError>? Get(object options) => Failures.TryGetValue(options, out var failures) ? failures : null;
}

/// <summary>The shared reading of configuration values into options, through the configuration binder.</summary>
internal static partial class ContactKitConfiguration
{
    internal const string BinderWarning = "Options are read from configuration by reflection over their properties; an app trimmed or compiled ahead of time must keep the options types, or set them in code with AddXxx(o => ...).";

    /// <summary>
    /// Binds <paramref name="section"/> into <paramref name="target"/>. A value that cannot be converted is reported in
    /// <paramref name="failures"/> with its key and the form it must take, never thrown.
    /// </summary>
    [UnconditionalSuppressMessage("Trimming", "IL2026:RequiresUnreferencedCode", Justification = "Reached only from BindConfiguration, which carries RequiresUnreferencedCode to the host.")]
    [UnconditionalSuppressMessage("AOT", "IL3050:RequiresDynamicCode", Justification = "Reached only from BindConfiguration, which carries RequiresDynamicCode to the host.")]
    internal static void Bind(IConfiguration section, object target, ICollection<ContactKitError> failures)
    {
        // The binder drops a dictionary entry or list item holding a value it cannot convert, without a word: every
        // value is checked first, so that none is dropped and every one that cannot be read is reported at once.
        var before = failures.Count;
        foreach (var child in section.GetChildren())
        {
            CheckProperty(target.GetType(), child, failures, 0);
        }

        if (failures.Count > before)
        {
            return;
        }

        try
        {
            section.Bind(target);
        }
        catch (InvalidOperationException e)
        {
            failures.Add(Describe(section, e));
        }
    }

    private const int DeepestSetting = 16;

    [UnconditionalSuppressMessage("Trimming", "IL2026:RequiresUnreferencedCode", Justification = "Reached only from BindConfiguration, which carries RequiresUnreferencedCode to the host.")]
    [UnconditionalSuppressMessage("Trimming", "IL2070", Justification = "Reached only from BindConfiguration, which carries RequiresUnreferencedCode to the host.")]
    [UnconditionalSuppressMessage("Trimming", "IL2075", Justification = "Reached only from BindConfiguration, which carries RequiresUnreferencedCode to the host.")]
    private static void CheckProperty(Type owner, IConfigurationSection child, ICollection<ContactKitError> failures, int depth)
    {
        var property = owner.GetProperty(child.Key, BindingFlags.Public | BindingFlags.Instance | BindingFlags.IgnoreCase);
        if (property is not null)
        {
            Check(property.PropertyType, child, failures, depth + 1);
        }
    }

    /// <summary>Checks that every value in <paramref name="section"/> converts to what <paramref name="type"/> holds there.</summary>
    [UnconditionalSuppressMessage("Trimming", "IL2026:RequiresUnreferencedCode", Justification = "Reached only from BindConfiguration, which carries RequiresUnreferencedCode to the host.")]
    [UnconditionalSuppressMessage("Trimming", "IL2062", Justification = "Reached only from BindConfiguration, which carries RequiresUnreferencedCode to the host.")]
    [UnconditionalSuppressMessage("Trimming", "IL2067", Justification = "Reached only from BindConfiguration, which carries RequiresUnreferencedCode to the host.")]
    [UnconditionalSuppressMessage("Trimming", "IL2070", Justification = "Reached only from BindConfiguration, which carries RequiresUnreferencedCode to the host.")]
    private static void Check(Type type, IConfigurationSection section, ICollection<ContactKitError> failures, int depth)
    {
        if (depth > DeepestSetting || type == typeof(object))
        {
            return;
        }

        var valueType = Nullable.GetUnderlyingType(type) ?? type;
        var converter = TypeDescriptor.GetConverter(valueType);
        if (converter.CanConvertFrom(typeof(string)))
        {
            if (section.Value is { } text && Unreadable(converter, text, valueType) is { } reason)
            {
                failures.Add(new ContactKitError(ErrorCodes.InvalidOptions, $"The configuration value at {section.Path} {reason}", section.Path));
            }

            return;
        }

        var interfaces = type.IsInterface ? [type, .. type.GetInterfaces()] : type.GetInterfaces();
        var dictionary = interfaces.FirstOrDefault(i => i.IsGenericType && (i.GetGenericTypeDefinition() == typeof(IDictionary<,>) || i.GetGenericTypeDefinition() == typeof(IReadOnlyDictionary<,>)));
        if (dictionary is not null)
        {
            var keyConverter = TypeDescriptor.GetConverter(dictionary.GetGenericArguments()[0]);
            foreach (var entry in section.GetChildren())
            {
                if (dictionary.GetGenericArguments()[0] != typeof(string) && Unreadable(keyConverter, entry.Key, dictionary.GetGenericArguments()[0]) is { } reason)
                {
                    failures.Add(new ContactKitError(ErrorCodes.InvalidOptions, $"The configuration key {entry.Path} names{reason[2..]}", entry.Path));
                }

                Check(dictionary.GetGenericArguments()[1], entry, failures, depth + 1);
            }

            return;
        }

        var element = type.IsArray ? type.GetElementType()
            : interfaces.FirstOrDefault(i => i.IsGenericType && i.GetGenericTypeDefinition() == typeof(IEnumerable<>))?.GetGenericArguments()[0];
        if (element is not null)
        {
            foreach (var item in section.GetChildren())
            {
                Check(element, item, failures, depth + 1);
            }

            return;
        }

        foreach (var child in section.GetChildren())
        {
            CheckProperty(type, child, failures, depth);
        }
    }

    /// <summary>Why <paramref name="text"/> cannot be read as <paramref name="type"/>; <see langword="null"/> when it can.</summary>
    private static string? Unreadable(TypeConverter converter, string text, Type type)
    {
        try
        {
            _ = converter.ConvertFromInvariantString(text);
            return null;
        }
        catch (ContactKitFormatException e)
        {
            return $"is not valid: {e.Error.Message}";
        }
        catch (Exception e) when (e is FormatException or ArgumentException or NotSupportedException or OverflowException or InvalidOperationException)
        {
            return $"is {Errors.Excerpt(text)}, which is not {Article(type.Name)} {type.Name}{Names(type)}.";
        }
    }

    private static string Names(Type type) =>
        type.IsEnum && Enum.GetNames(type).Length <= 12
            ? $"; use one of {string.Join(", ", Enum.GetNames(type))}{(type.IsDefined(typeof(FlagsAttribute), false) ? " (or several joined by commas)" : string.Empty)}"
            : string.Empty;

    private static string Article(string name) => "AEIOU".Contains(name[0], StringComparison.Ordinal) ? "an" : "a";

    /// <summary>Reads the default way: every property of <typeparamref name="TOptions"/> from its key.</summary>
    internal static void BindAll<TOptions>(IConfiguration section, TOptions options, ICollection<ContactKitError> failures)
        where TOptions : class => Bind(section, options, failures);

    private static ContactKitError Describe(IConfiguration section, InvalidOperationException e)
    {
        var match = FailedConversion().Match(e.Message);
        if (!match.Success)
        {
            var path = section is IConfigurationSection s ? s.Path : "(root)";
            return new ContactKitError(ErrorCodes.InvalidOptions, $"The configuration section {path} could not be read: {e.Message}", path);
        }

        var key = match.Groups["key"].Value;
        var type = match.Groups["type"].Value;
        if (e.InnerException is ContactKitFormatException format)
        {
            return new ContactKitError(ErrorCodes.InvalidOptions, $"The configuration value at {key} is not valid: {format.Error.Message}", key);
        }

        var value = section is IConfigurationSection own && key.Length > own.Path.Length ? section[key[(own.Path.Length + 1)..]] : section[key];
        var shortType = type[(type.LastIndexOf('.') + 1)..];
        return new ContactKitError(ErrorCodes.InvalidOptions, $"The configuration value at {key} is {Errors.Excerpt(value)}, which is not a {shortType}.", key);
    }

    [GeneratedRegex(@"^Failed to convert configuration value '.*' at '(?<key>[^']*)' to type '(?<type>[^']*)'\.$", RegexOptions.Singleline | RegexOptions.CultureInvariant, 1000)]
    private static partial Regex FailedConversion();
}
