# A forward written for the public address the DHCP uplink had (198.51.100.77) and restricted to the
# internet side, and a second forward of the router's own addresses for LAN clients. If 198.51.100.77 is still
# the lease, a LAN client using it meets the second forward (dst-address-type=local); if not, nothing: the LAN
# finding says which of the two it assumes.
/interface bridge add name=bridge
/interface bridge port add bridge=bridge interface=ether2
/interface list add name=WAN
/interface list add name=LAN
/interface list member add interface=ether1 list=WAN
/interface list member add interface=bridge list=LAN
/ip dhcp-client add interface=ether1 # expect: not-analysed
/ip address add address=192.168.88.1/24 interface=bridge
/ip firewall nat add chain=srcnat action=masquerade out-interface-list=WAN
/ip firewall nat add chain=dstnat action=dst-nat dst-address=198.51.100.77 in-interface-list=WAN protocol=tcp dst-port=80 to-addresses=192.168.88.10 # expect: dstnat-unreachable-from-lan
/ip firewall nat add chain=dstnat action=dst-nat dst-address-type=local dst-address=!192.168.88.1 in-interface=bridge protocol=tcp dst-port=80 to-addresses=192.168.88.20
/ip firewall nat add chain=srcnat action=masquerade src-address=192.168.88.0/24 dst-address=192.168.88.0/24 out-interface=bridge
