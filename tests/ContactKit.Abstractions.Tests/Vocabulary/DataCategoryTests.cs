using System.Text.Json;
using ContactKit;

namespace ContactKit.Abstractions.Tests.Vocabulary;

public class DataCategoryTests
{
    // Every category the five reference notices name, by the key ContactKit gives it.
    [Theory]
    [InlineData("identifier.name")]                        // names (000)
    [InlineData("identifier.username")]                    // usernames (000)
    [InlineData("media.call_recording")]                   // recordings (000, 001, 002, 004)
    [InlineData("media.chat_transcript")]                  // chatbot and webchat transcripts (001)
    [InlineData("identifier.vehicle_registration")]        // vehicle registration (000)
    [InlineData("contact.email")]                          // email address (000, 001)
    [InlineData("contact.address")]                        // physical address (000, 001)
    [InlineData("contact.phone")]                          // telephone numbers (000)
    [InlineData("personal.date_of_birth")]                 // date of birth (000)
    [InlineData("identifier.national_insurance_number")]   // NI number (000)
    [InlineData("interaction.reason_for_contact")]         // reason for contact (000)
    [InlineData("contact.calling_line_identity")]          // CLI captured for reporting (002)
    [InlineData("derived.sentiment")]                      // AI sentiment (000)
    [InlineData("derived.interaction_summary")]            // summary of each interaction (000)
    [InlineData("interaction.complaint")]                  // complaint details (002)
    [InlineData("employment.application")]                 // job applicants (002, 003)
    [InlineData("employment.record")]                      // employee files (002, 003)
    [InlineData("payment.card")]                           // card details taken in a secure pause (001)
    public void Resolve_EveryCategoryTheNoticesName_IsInTheDefaultTaxonomy(string key)
    {
        var result = DataCategoryTaxonomy.Default.Resolve(key);

        Assert.True(result.IsSuccess, result.Error?.ToString());
        Assert.Equal(key, result.Value.Key.Value);
        Assert.True(DataCategoryTaxonomy.Default.Contains(result.Value.Key.Parent!.Value));
    }

    [Fact]
    public void Marks_DerivedSpecialAndNeverStored_AreWhereTheLawPutsThem()
    {
        var taxonomy = DataCategoryTaxonomy.Default;

        Assert.True(taxonomy.Resolve("derived.sentiment").Value.IsDerived);
        Assert.True(taxonomy.Resolve("derived.interaction_summary").Value.IsDerived);
        Assert.True(taxonomy.Resolve("special.health").Value.IsSpecialCategory);
        Assert.True(taxonomy.Resolve("payment.card").Value.IsNeverStored);
        Assert.False(taxonomy.Resolve("contact.phone").Value.IsDerived);
        Assert.False(taxonomy.Resolve("identifier.national_insurance_number").Value.IsSpecialCategory);
        Assert.Equal(new Uri("https://w3id.org/dpv/pd#NationalIdentificationNumber"), taxonomy.Resolve("identifier.national_insurance_number").Value.DpvConcept);
    }

    [Fact]
    public void Resolve_UnknownKey_FailsWithCk0002ListingTopLevelCategories()
    {
        var result = DataCategoryTaxonomy.Default.Resolve("contact.fax");

        Assert.Equal(ErrorCodes.UnknownDataCategory, result.Error?.Code);
        Assert.Equal("category", result.Error!.Field);
        Assert.Contains("'contact.fax'", result.Error.Message, StringComparison.Ordinal);
        Assert.Contains("contact", result.Error.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("Contact.Phone")]   // keys are lower case, never folded
    [InlineData("contact..phone")]  // an empty segment
    [InlineData("contact.")]        // a trailing dot
    [InlineData("1contact")]        // a segment must start with a letter
    [InlineData("contact-phone")]   // hyphens are not allowed; use underscores
    [InlineData("")]                // nothing
    public void Resolve_MalformedKey_FailsWithCk0003(string key)
    {
        var result = DataCategoryTaxonomy.Default.Resolve(key);

        Assert.Equal(ErrorCodes.InvalidDataCategoryKey, result.Error?.Code);
    }

    [Fact]
    public void With_NewCategoryUnderExistingParent_AddsItWithoutChangingTheOriginal()
    {
        var loyalty = new DataCategory(DataCategoryKey.Parse("identifier.loyalty_number"), "Loyalty card number");

        var extended = DataCategoryTaxonomy.Default.With(loyalty).Value;

        Assert.Equal(loyalty, extended.Resolve("identifier.loyalty_number").Value);
        Assert.False(DataCategoryTaxonomy.Default.Contains(loyalty.Key));
        Assert.Equal(DataCategoryTaxonomy.Default.Count + 1, extended.Count);
        Assert.Contains(loyalty, extended.ChildrenOf(DataCategoryKey.Parse("identifier")));
    }

    [Fact]
    public void With_ExistingKey_FailsWithCk0008()
    {
        var result = DataCategoryTaxonomy.Default.With(new DataCategory(DataCategoryKey.Parse("contact.phone"), "Phone again"));

        Assert.Equal(ErrorCodes.DuplicateDataCategory, result.Error?.Code);
    }

    [Fact]
    public void With_MissingParent_FailsWithCk0002NamingTheParent()
    {
        var result = DataCategoryTaxonomy.Default.With(new DataCategory(DataCategoryKey.Parse("acme.tier"), "Tier"));

        Assert.Equal(ErrorCodes.UnknownDataCategory, result.Error?.Code);
        Assert.Contains("add 'acme' first", result.Error!.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Json_EveryPredefinedCategory_RoundTrips()
    {
        foreach (var category in DataCategories.All)
        {
            var json = JsonSerializer.Serialize(category, ContactKitJson.Options);
            var back = JsonSerializer.Deserialize<DataCategory>(json, ContactKitJson.Options);

            Assert.Equal(category, back);
        }
    }

    [Fact]
    public void IsWithin_ChildAndAncestor_AreRelatedButSiblingsAreNot()
    {
        var phone = DataCategoryKey.Parse("contact.phone");

        Assert.True(phone.IsWithin(DataCategoryKey.Parse("contact")));
        Assert.True(phone.IsWithin(phone));
        Assert.False(DataCategoryKey.Parse("contacts.phone").IsWithin(DataCategoryKey.Parse("contact")));
    }
}
