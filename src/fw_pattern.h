/* The IM and Presence static route destination pattern for a domain. */
#ifndef FW_PATTERN_H
#define FW_PATTERN_H

/* The domain's labels reversed, with a leading dot and a trailing ".*":
 * "domaina.com" -> ".com.domaina.*", folded to lower case (guide, "Configure Static Route on IM
 * and Presence Service for Microsoft Servers", step 3). Free with free(). */
char *fw_dest_pattern(const char *domain);

#endif
