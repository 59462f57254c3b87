/// The canonical URLs of code systems the terminology service knows by name.
public enum KnownSystems {
    /// ICD-10-CM, shipped whole.
    public static let icd10CM = "http://hl7.org/fhir/sid/icd-10-cm"
    /// LOINC, shipped as the subset used in the sample data and lab units.
    public static let loinc = "http://loinc.org"
    /// UCUM: every valid expression is a code.
    public static let ucum = "http://unitsofmeasure.org"
    /// SNOMED CT (not shipped).
    public static let snomedCT = "http://snomed.info/sct"

    /// Systems that exist but Kiln does not ship: their codes are "cannot tell", never invalid.
    public static let notShipped: [String: String] = [
        snomedCT: "SNOMED CT",
        "http://www.nlm.nih.gov/research/umls/rxnorm": "RxNorm",
        "http://www.ama-assn.org/go/cpt": "CPT",
        "http://hl7.org/fhir/sid/ndc": "NDC",
        "http://hl7.org/fhir/sid/cvx": "CVX",
        "http://hl7.org/fhir/sid/icd-10": "ICD-10 (WHO)",
        "http://hl7.org/fhir/sid/icd-9-cm": "ICD-9-CM",
        "http://www.cms.gov/Medicare/Coding/ICD10": "ICD-10-PCS",
        "http://nucc.org/provider-taxonomy": "NUCC provider taxonomy",
        "http://fdasis.nlm.nih.gov": "UNII",
        "http://unitsofmeasure.org/ucum-essence": "UCUM essence",
        "http://www.whocc.no/atc": "ATC",
        "http://hl7.org/fhir/sid/cpt": "CPT",
        "urn:ietf:bcp:47": "BCP-47 language tags",
        "urn:ietf:bcp:13": "MIME types",
        "urn:iso:std:iso:3166": "ISO 3166 country codes",
        "urn:iso:std:iso:3166:-2": "ISO 3166-2 subdivision codes",
        "urn:iso:std:iso:4217": "ISO 4217 currencies",
        "urn:oid:2.16.840.1.113883.6.238": "CDC race and ethnicity",
        "https://www.usps.com/": "USPS state codes",
        "http://www.ada.org/cdt": "CDT",
        "http://hl7.org/fhir/sid/ex-icd-10-procedures": "ICD-10 procedures",
        "http://terminology.hl7.org/CodeSystem/icd-o-3": "ICD-O-3",
        "http://varnomen.hgvs.org": "HGVS",
        "http://www.genenames.org": "HGNC",
        "http://www.ncbi.nlm.nih.gov/clinvar": "ClinVar",
        "http://www.nlm.nih.gov/research/umls/hcpcs": "HCPCS",
        "https://www.cms.gov/Medicare/Coding/HCPCSReleaseCodeSets": "HCPCS",
        "urn:oid:1.2.36.1.2001.1005.17": "Australian medicines",
        "http://hl7.org/fhir/sid/us-ssn": "US SSN",
        "http://hl7.org/fhir/sid/us-npi": "US NPI",
    ]

    /// LOINC codes are digits, a dash and one check digit.
    @Sendable public static func hasLOINCFormat(_ code: String) -> Bool {
        let parts = code.split(separator: "-", omittingEmptySubsequences: false)
        guard parts.count == 2, (1...7).contains(parts[0].count), parts[1].count == 1 else { return false }
        return parts[0].allSatisfy(\.isASCIIDigit) && parts[1].allSatisfy(\.isASCIIDigit)
    }
}

extension Character {
    var isASCIIDigit: Bool { isASCII && isNumber }
}
